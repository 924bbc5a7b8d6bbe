package dev.modelarts.local.hot;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * One operation's route, read from the generated interface's annotations (its path template,
 * its path and query parameters with their types and defaults, and the slot of its request
 * body, if it takes one), and what it takes to call it: {@link #arguments} turns a request's raw path and query into the method's arguments,
 * exactly as Jersey would, for the requests where that is plain, and says "not plain" for every
 * other one.
 *
 * <p>Plain means: every path segment and query value made only of letters, digits and
 * {@code . _ - ~} (so nothing is percent-decoded or read as a space), each query parameter the
 * operation declares given once, with a value (one it does not declare is ignored, as Jersey
 * ignores it, when its name is plain too); whole numbers of up to nine ASCII digits, booleans
 * written {@code true} or {@code false}, enum values spelled as the spec spells them. That covers
 * what clients send on the hot reads; the rest (a repeated parameter, an escape, a value Jersey
 * would refuse) is Jersey's to answer.
 */
public final class OperationRoute {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    /** Marks a query value that is not plain; null is a value (an enum or text may be null). */
    static final Object NOT_PLAIN = new Object();

    private final Method method;
    private final String template;
    /** Each segment of the template: the literal, or null for a variable. */
    private final String[] segments;
    /** For each variable segment, the argument it fills; -1 for a literal. */
    private final int[] pathSlots;
    private final Map<String, Slot> query;
    private final Object[] defaults;
    private final int projectSlot;
    private final int bodySlot;

    private record Slot(int index, Function<String, Object> convert) {
    }

    private OperationRoute(Method method, String template, String[] segments, int[] pathSlots, Map<String, Slot> query,
            Object[] defaults, int projectSlot, int bodySlot) {
        this.method = method;
        this.template = template;
        this.segments = segments;
        this.pathSlots = pathSlots;
        this.query = query;
        this.defaults = defaults;
        this.projectSlot = projectSlot;
        this.bodySlot = bodySlot;
    }

    /**
     * The route of {@code method}, declared on the JAX-RS interface {@code api}: its parameters
     * must all be path or query parameters of the types the spec's reads use (text, whole
     * numbers, booleans, enums), one of them {@code project_id}, but for at most one request body
     * (a parameter with no JAX-RS annotation), which {@link #arguments} leaves null.
     *
     * @throws IllegalArgumentException for any other method
     */
    public static OperationRoute of(Class<?> api, Method method) {
        String template = normalized(pathOf(api) + "/" + pathOf(method));
        String[] segments = template.substring(1).split("/");
        int[] pathSlots = new int[segments.length];
        Arrays.fill(pathSlots, -1);
        Map<String, Slot> query = new HashMap<>();
        Parameter[] parameters = method.getParameters();
        Object[] defaults = new Object[parameters.length];
        int projectSlot = -1;
        int bodySlot = -1;
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam param = parameter.getAnnotation(QueryParam.class);
            if (path != null) {
                int segment = Arrays.asList(segments).indexOf("{" + path.value() + "}");
                if (segment < 0 || parameter.getType() != String.class) {
                    throw new IllegalArgumentException(method + ": path parameter " + path.value() + " is not a segment");
                }
                pathSlots[segment] = i;
                segments[segment] = null;
                projectSlot = "project_id".equals(path.value()) ? i : projectSlot;
            } else if (param != null) {
                Function<String, Object> convert = converter(parameter.getType(), method);
                query.put(param.value(), new Slot(i, convert));
                DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
                defaults[i] = fallback == null ? null : convert.apply(fallback.value());
                if (defaults[i] == NOT_PLAIN) {
                    throw new IllegalArgumentException(method + ": the default of " + param.value() + " is not plain");
                }
            } else if (bodySlot < 0 && !jaxRsAnnotated(parameter)) {
                bodySlot = i;
            } else {
                throw new IllegalArgumentException(method + ": parameter " + i + " is neither in the path, the query"
                        + " nor the one body");
            }
        }
        for (String segment : segments) {
            if (segment != null && (segment.contains("{") || !PLAIN.matcher(segment).matches())) {
                throw new IllegalArgumentException(method + ": template " + template + " has a segment this route cannot match");
            }
        }
        if (projectSlot < 0) {
            throw new IllegalArgumentException(method + " has no project_id");
        }
        return new OperationRoute(method, template, segments, pathSlots, Map.copyOf(query), defaults, projectSlot,
                bodySlot);
    }

    public Method method() {
        return method;
    }

    /** The path template, as Jersey's metrics name it: {@code /v1/{project_id}/images/group}. */
    public String template() {
        return template;
    }

    /** The argument that holds the request body, or -1 when the operation takes none. */
    int bodySlot() {
        return bodySlot;
    }

    /** The literal characters of the template: the more, the earlier Jersey tries it. */
    int literalCharacters() {
        return Arrays.stream(segments).mapToInt(s -> s == null ? 0 : s.length()).sum();
    }

    /** Whether the path, split at its slashes ({@link #split}), is this route's, whatever its variables hold. */
    boolean matches(String[] parts) {
        if (parts == null || parts.length != segments.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (segments[i] != null ? !segments[i].equals(parts[i]) : parts[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The segments of a raw path, or null when it does not start with a slash. */
    static String[] split(String rawPath) {
        return rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : null;
    }

    /**
     * The arguments for a request to this route's path (split, {@link #matches}), or null when
     * the path or query is not plain (the class comment), which leaves the request to Jersey.
     */
    Object[] arguments(String[] parts, String rawQuery) {
        Object[] args = defaults.clone();
        for (int i = 0; i < parts.length; i++) {
            if (pathSlots[i] >= 0) {
                if (!PLAIN.matcher(parts[i]).matches()) {
                    return null;
                }
                args[pathSlots[i]] = parts[i];
            }
        }
        if (rawQuery == null) {
            return args;
        }
        boolean[] given = new boolean[args.length];
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!PLAIN.matcher(name).matches()) {
                return null; // decoded, it might name a parameter
            }
            Slot slot = query.get(name);
            if (slot == null) {
                continue; // a parameter the operation does not declare: Jersey ignores it too
            }
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (given[slot.index()] || !PLAIN.matcher(value).matches()) {
                return null;
            }
            Object converted = slot.convert().apply(value);
            if (converted == NOT_PLAIN) {
                return null;
            }
            given[slot.index()] = true;
            args[slot.index()] = converted;
        }
        return args;
    }

    /** The project the request names. */
    String projectOf(Object[] args) {
        return (String) args[projectSlot];
    }

    private static Function<String, Object> converter(Class<?> type, Method method) {
        if (type == String.class) {
            return value -> value;
        } else if (type == Integer.class) {
            return value -> WHOLE_NUMBER.matcher(value).matches() ? Integer.valueOf(value) : NOT_PLAIN;
        } else if (type == Boolean.class) {
            return value -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : NOT_PLAIN;
        } else if (type.isEnum()) {
            // only a constant whose name is its spec value: Jersey's fromString and valueOf agree on it
            Map<String, Object> constants = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                if (name.equals(constant.toString())) {
                    constants.put(name, constant);
                }
            }
            return value -> constants.getOrDefault(value, NOT_PLAIN);
        }
        throw new IllegalArgumentException(method + ": a parameter of type " + type + " is not one a route reads");
    }

    private static boolean jaxRsAnnotated(Parameter parameter) {
        for (java.lang.annotation.Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().getPackageName().startsWith(Path.class.getPackageName())) {
                return true; // @HeaderParam, @CookieParam, @Context and the like: not a body
            }
        }
        return false;
    }

    private static String pathOf(java.lang.reflect.AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    private static String normalized(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
