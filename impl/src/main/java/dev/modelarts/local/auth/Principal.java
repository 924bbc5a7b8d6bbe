package dev.modelarts.local.auth;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a credential speaks for: the projects it is bound to ({@code *} for any) and the IAM
 * actions it allows ({@code *} as a wildcard, as in {@code modelarts:image:*}).
 *
 * @param name a name safe to log: the access key, or a masked token
 */
public record Principal(String name, Set<String> projects, List<String> actions, List<Pattern> actionPatterns)
        implements java.security.Principal {

    public Principal(String name, Set<String> projects, List<String> actions) {
        this(name, projects, actions, actions.stream().map(Principal::compile).toList());
    }

    public Principal {
        projects = Set.copyOf(projects);
        actions = List.copyOf(actions);
        actionPatterns = List.copyOf(actionPatterns);
    }

    /** The name safe to log, as the request's SecurityContext gives it. */
    @Override
    public String getName() {
        return name;
    }

    public boolean boundTo(String projectId) {
        return projects.contains("*") || projects.contains(projectId);
    }

    /** Checked on every request: the patterns are compiled once, with the credentials. */
    public boolean allows(String action) {
        return actionPatterns.stream().anyMatch(pattern -> pattern.matcher(action).matches());
    }

    /** IAM-style: {@code *} matches any run of characters. */
    static boolean matches(String pattern, String action) {
        return compile(pattern).matcher(action).matches();
    }

    private static Pattern compile(String pattern) {
        return Pattern.compile(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q"));
    }
}
