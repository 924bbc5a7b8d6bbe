package dev.modelarts.local.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API's operations as a fault rule names them ({@code ListImageGroup}: the spec's
 * operationId, first letter in upper case), found from a request's method and raw path before
 * any routing: the paths under {@code /v1/} only, never the control, health or docs paths.
 */
public final class ApiOperations {

    /** One operation: its name, method and path template as a pattern. */
    private record Operation(String name, String method, Pattern path, int projectGroup, int parameters) {
    }

    /** What a request is, as far as a fault rule can tell. */
    public record Match(String operation, String projectId) {
    }

    private final List<Operation> operations;

    private ApiOperations(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** The operations of {@code spec}'s paths under /v1/. */
    public static ApiOperations fromSpec(JsonNode spec) {
        List<Operation> operations = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/v1/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (!op.getValue().has("operationId")) {
                    return;
                }
                String id = op.getValue().get("operationId").asText();
                StringBuilder regex = new StringBuilder("^");
                int projectGroup = -1;
                int group = 0;
                Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                int last = 0;
                while (parameter.find()) {
                    regex.append(Pattern.quote(path.getKey().substring(last, parameter.start()))).append("([^/]+)");
                    group++;
                    if (parameter.group(1).equals("project_id")) {
                        projectGroup = group;
                    }
                    last = parameter.end();
                }
                regex.append(Pattern.quote(path.getKey().substring(last))).append("/?$");
                operations.add(new Operation(Character.toUpperCase(id.charAt(0)) + id.substring(1),
                        op.getKey().toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()), projectGroup, group));
            });
        });
        // a literal segment wins over a parameter: /images/group before /images/{image_id}
        operations.sort(Comparator.comparingInt(Operation::parameters));
        return new ApiOperations(operations);
    }

    /** The operation a request is, with its project; empty for a request that is no API operation. */
    public Optional<Match> match(String method, String rawPath) {
        for (Operation op : operations) {
            if (!op.method().equals(method)) {
                continue;
            }
            Matcher m = op.path().matcher(rawPath);
            if (m.matches()) {
                return Optional.of(new Match(op.name(), op.projectGroup() < 0 ? null : m.group(op.projectGroup())));
            }
        }
        return Optional.empty();
    }

    /** The operation named {@code name} in any case, as it is spelt here; empty for none. */
    public Optional<String> named(String name) {
        return operations.stream().map(Operation::name).filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /** Every operation's name, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        operations.forEach(op -> names.add(op.name()));
        return List.copyOf(names);
    }
}
