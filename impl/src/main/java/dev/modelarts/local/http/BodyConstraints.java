package dev.modelarts.local.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;

/**
 * A request body type's constraints, read once from the generated model's annotations, as plain
 * checks: the answer to "would Bean Validation find nothing wrong with this body?" without its
 * per-call work, which was the largest share of a registration's time in Jersey (BENCHMARKS.md,
 * "RegisterImage at the edge").
 *
 * <p>It knows what the spec's bodies use: on a getter, the constraints {@link ParameterConstraints}
 * knows, and {@code @Size} on a list; {@code @Valid} on a field or getter whose value is a model
 * (checked the same way), a list of models, of enum values (no constraints in them), or of what
 * Jackson makes of free JSON (maps, lists, text, numbers of the JDK: no constraints either). A
 * type with anything else (a class-level constraint, a constrained field, a constraint inside a
 * type argument, a cascade into anything other) has no checks ({@link #of} is empty), and its
 * bodies are Bean Validation's, as are all those a check finds fault with: the refusals keep
 * their wording.
 */
public final class BodyConstraints {

    /** One property's value, and the check it must pass. */
    private record Check(Function<Object, Object> value, Predicate<Object> passes) {
    }

    private final List<Check> checks;

    private BodyConstraints(List<Check> checks) {
        this.checks = checks;
    }

    /** True when Bean Validation would find no violation in {@code body} (not null). */
    public boolean passes(Object body) {
        for (Check check : checks) {
            if (!check.passes().test(check.value().apply(body))) {
                return false;
            }
        }
        return true;
    }

    /** The checks of {@code type}; empty when it declares a constraint this class does not know. */
    public static Optional<BodyConstraints> of(Class<?> type) {
        return new Reading().of(type);
    }

    /**
     * One reading of a type and of the models it cascades into, each read once. (Kept for that
     * reading only: the callers read a resource method's body type once, when they are built.)
     */
    private static final class Reading {

        private final Map<Class<?>, Optional<BodyConstraints>> memo = new HashMap<>();

        Optional<BodyConstraints> of(Class<?> type) {
            Optional<BodyConstraints> known = memo.get(type);
            if (known == null) {
                // a model that holds itself would recurse: taken as unknown while it is being read
                memo.put(type, Optional.empty());
                known = checks(type);
                memo.put(type, known);
            }
            return known;
        }

        private Optional<BodyConstraints> checks(Class<?> type) {
            if (type.isInterface() || type.isPrimitive() || type.isArray() || type.getName().startsWith("java.")) {
                return Optional.empty();
            }
            List<Check> checks = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (constrained(c.getAnnotations())) {
                    return Optional.empty();
                }
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field(field, checks)) {
                        return Optional.empty();
                    }
                }
                for (Method method : c.getDeclaredMethods()) {
                    if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic() && !getter(method, checks)) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new BodyConstraints(List.copyOf(checks)));
        }

        /** A field may only be cascaded into ({@code @Valid}); false when it holds anything else. */
        private boolean field(Field field, List<Check> checks) {
            if (!constrained(field.getAnnotations()) && !annotatedInside(field.getAnnotatedType())) {
                return true;
            }
            if (field.getAnnotations().length != 1 || !(field.getAnnotations()[0] instanceof Valid)
                    || annotatedInside(field.getAnnotatedType())) {
                return false;
            }
            Optional<Predicate<Object>> cascade = cascade(field.getGenericType());
            if (cascade.isEmpty()) {
                return false;
            }
            try {
                field.setAccessible(true);
            } catch (InaccessibleObjectException | SecurityException e) {
                return false;
            }
            checks.add(new Check(bean -> read(field, bean), cascade.get()));
            return true;
        }

        /** A getter's constraints and cascade; false for one not known, or constraints on a method that is no getter. */
        private boolean getter(Method method, List<Check> checks) {
            if (!constrained(method.getAnnotations()) && !annotatedInside(method.getAnnotatedReturnType())) {
                return true;
            }
            if (!isGetter(method) || annotatedInside(method.getAnnotatedReturnType()) || !Modifier.isPublic(method.getModifiers())) {
                return false;
            }
            Predicate<Object> all = value -> true;
            for (Annotation annotation : method.getAnnotations()) {
                Optional<Predicate<Object>> one = annotation instanceof Valid ? cascade(method.getGenericReturnType())
                        : ParameterConstraints.check(annotation, method.getReturnType());
                if (one.isEmpty()) {
                    return false;
                }
                all = all.and(one.get());
            }
            checks.add(new Check(bean -> invoke(method, bean), all));
            return true;
        }

        /** What Bean Validation finds when it cascades into a value of {@code type}. */
        private Optional<Predicate<Object>> cascade(Type type) {
            if (type instanceof Class<?> model) {
                return of(model).map(checks -> value -> value == null || checks.passes(value));
            }
            if (type instanceof ParameterizedType list && list.getRawType() instanceof Class<?> raw
                    && Collection.class.isAssignableFrom(raw) && list.getActualTypeArguments().length == 1) {
                Type element = list.getActualTypeArguments()[0];
                Optional<Predicate<Object>> each;
                if (element == Object.class) {
                    each = Optional.of(BodyConstraints::freeJson);
                } else if (element instanceof Class<?> c && (c.isEnum() || c == String.class)) {
                    each = Optional.of(value -> true);
                } else {
                    each = cascade(element);
                }
                return each.map(check -> value -> value == null || ((Collection<?>) value).stream().allMatch(check));
            }
            return Optional.empty();
        }
    }

    /** A value Jackson makes of free JSON: JDK types (maps, lists, text, numbers), none with constraints. */
    private static boolean freeJson(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Map<?, ?> map && map.getClass().getName().startsWith("java.")) {
            return map.keySet().stream().allMatch(BodyConstraints::freeJson)
                    && map.values().stream().allMatch(BodyConstraints::freeJson);
        }
        if (value instanceof List<?> list && list.getClass().getName().startsWith("java.")) {
            return list.stream().allMatch(BodyConstraints::freeJson);
        }
        return false;
    }

    private static boolean isGetter(Method method) {
        String name = method.getName();
        return method.getParameterCount() == 0 && method.getReturnType() != void.class
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2);
    }

    private static boolean constrained(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Valid || annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotatedInside(AnnotatedType type) {
        return ParameterConstraints.annotatedInside(type);
    }

    private static Object read(Field field, Object bean) {
        try {
            return field.get(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method method, Object bean) {
        try {
            return method.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
