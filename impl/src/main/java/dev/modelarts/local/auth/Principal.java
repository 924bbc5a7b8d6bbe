package dev.modelarts.local.auth;

import java.util.List;
import java.util.Set;

/**
 * Who a credential speaks for: the projects it is bound to ({@code *} for any) and the IAM
 * actions it allows ({@code *} as a wildcard, as in {@code modelarts:image:*}).
 *
 * @param name a name safe to log: the access key, or a masked token
 */
public record Principal(String name, Set<String> projects, List<String> actions) {

    public Principal {
        projects = Set.copyOf(projects);
        actions = List.copyOf(actions);
    }

    public boolean boundTo(String projectId) {
        return projects.contains("*") || projects.contains(projectId);
    }

    public boolean allows(String action) {
        return actions.stream().anyMatch(pattern -> matches(pattern, action));
    }

    /** IAM-style: {@code *} matches any run of characters. */
    static boolean matches(String pattern, String action) {
        String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
        return action.matches(regex);
    }
}
