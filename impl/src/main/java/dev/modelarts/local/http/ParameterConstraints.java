package dev.modelarts.local.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A resource method's parameter constraints, read once from the annotations the generated
 * interface carries, as plain checks: the answer to "would Bean Validation find nothing wrong
 * with these arguments?" without Bean Validation's per-call work.
 *
 * <p>It knows the constraints the spec's parameters use ({@code @NotNull}, {@code @Pattern}
 * without flags, {@code @Size} on text, {@code @Min} and {@code @Max} on whole numbers), each
 * with its Bean Validation meaning (a null passes all but {@code @NotNull}; a pattern must match
 * the whole value). A method with anything else, constraints on the resource class itself, or
 * constraints inside a parameter's type arguments has no checks ({@link #of} is empty), and an
 * argument that Bean Validation would cascade into ({@code @Valid}, a request body) is vouched
 * for only by its type's own checks ({@link BodyConstraints}), never when it has none: the caller
 * then lets Bean Validation decide, as it does whenever a check fails, so every refusal still
 * comes from it with its own wording.
 */
public final class ParameterConstraints {

    private final List<Predicate<Object>> checks;

    private ParameterConstraints(List<Predicate<Object>> checks) {
        this.checks = checks;
    }

    /** True when Bean Validation would find no violation in {@code args}. */
    public boolean allPass(Object[] args) {
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).test(args[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The checks of {@code method} as declared on {@code resource} and every type it extends or
     * implements; empty when some constraint there is not one this class knows.
     */
    public static Optional<ParameterConstraints> of(Class<?> resource, Method method) {
        if (constrainsItself(resource)) {
            return Optional.empty();
        }
        List<Method> declarations = declarations(resource, method);
        List<Predicate<Object>> checks = new ArrayList<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            Predicate<Object> check = value -> true;
            Class<?> type = method.getParameterTypes()[i];
            for (Method declared : declarations) {
                if (annotatedInside(declared.getAnnotatedParameterTypes()[i])) {
                    return Optional.empty();
                }
                for (Annotation annotation : declared.getParameterAnnotations()[i]) {
                    Optional<Predicate<Object>> one = check(annotation, type);
                    if (one.isEmpty()) {
                        return Optional.empty();
                    }
                    check = check.and(one.get());
                }
            }
            checks.add(check);
        }
        return Optional.of(new ParameterConstraints(List.copyOf(checks)));
    }

    /**
     * One annotation's check on a value of {@code type}: passes all for a non-constraint, empty
     * for an unknown constraint.
     */
    static Optional<Predicate<Object>> check(Annotation annotation, Class<?> type) {
        boolean text = CharSequence.class.isAssignableFrom(type);
        boolean whole = type == Integer.class || type == Long.class || type == int.class || type == long.class;
        if (annotation instanceof Valid) {
            // a body: vouched for when its own checks pass, else Bean Validation's to look inside
            Optional<BodyConstraints> body = BodyConstraints.of(type);
            return Optional.of(body.isEmpty() ? value -> value == null : value -> value == null || body.get().passes(value));
        }
        if (!annotation.annotationType().isAnnotationPresent(Constraint.class)) {
            return Optional.of(value -> true); // @PathParam, @DefaultValue and the like
        }
        if (annotation instanceof NotNull notNull && notNull.groups().length == 0) {
            return Optional.of(value -> value != null);
        }
        if (annotation instanceof jakarta.validation.constraints.Pattern pattern && text && pattern.flags().length == 0
                && pattern.groups().length == 0) {
            Pattern compiled = Pattern.compile(pattern.regexp());
            return Optional.of(value -> value == null || compiled.matcher((CharSequence) value).matches());
        }
        if (annotation instanceof Size size && text && size.groups().length == 0) {
            return Optional.of(value -> value == null
                    || ((CharSequence) value).length() >= size.min() && ((CharSequence) value).length() <= size.max());
        }
        if (annotation instanceof Size size && Collection.class.isAssignableFrom(type) && size.groups().length == 0) {
            return Optional.of(value -> value == null
                    || ((Collection<?>) value).size() >= size.min() && ((Collection<?>) value).size() <= size.max());
        }
        if (annotation instanceof Min min && whole && min.groups().length == 0) {
            return Optional.of(value -> value == null || ((Number) value).longValue() >= min.value());
        }
        if (annotation instanceof Max max && whole && max.groups().length == 0) {
            return Optional.of(value -> value == null || ((Number) value).longValue() <= max.value());
        }
        return Optional.empty();
    }

    /** The method as {@code resource} and each of its supertypes declares it. */
    private static List<Method> declarations(Class<?> resource, Method method) {
        List<Method> found = new ArrayList<>();
        for (Class<?> type : typesOf(resource)) {
            try {
                found.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return found;
    }

    /**
     * Whether Bean Validation would validate more than the parameters one by one: the resource
     * object itself (a constrained field or getter), or a method's return value or its
     * parameters together (a constraint on the method), anywhere in the resource's types.
     */
    private static boolean constrainsItself(Class<?> resource) {
        for (Class<?> type : typesOf(resource)) {
            if (constrained(type.getAnnotations())) {
                return true;
            }
            for (var field : type.getDeclaredFields()) {
                if (constrained(field.getAnnotations())) {
                    return true;
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && constrained(method.getAnnotations())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code resource} and every class it extends (Object aside) and interface it implements. */
    private static List<Class<?>> typesOf(Class<?> resource) {
        List<Class<?>> types = new ArrayList<>(List.of(resource));
        for (int i = 0; i < types.size(); i++) {
            Class<?> type = types.get(i);
            if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return types;
    }

    private static boolean constrained(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Valid || annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a constraint sits on a type argument ({@code List<@Size(max = 3) String>}). */
    static boolean annotatedInside(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (argument.getAnnotations().length > 0 || annotatedInside(argument)) {
                    return true;
                }
            }
        }
        return false;
    }
}
