package dev.modelarts.local.errors;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The wire names of resource-method parameters, read from their JAX-RS annotations. */
final class ParameterNames {

    private ParameterNames() {
    }

    /** "query parameter", "path parameter", ... for a JAX-RS parameter annotation type. */
    static String kind(Class<? extends Annotation> annotationType) {
        if (annotationType == QueryParam.class) {
            return "query parameter";
        } else if (annotationType == PathParam.class) {
            return "path parameter";
        } else if (annotationType == HeaderParam.class) {
            return "header";
        } else if (annotationType == FormParam.class) {
            return "form parameter";
        } else if (annotationType == CookieParam.class) {
            return "cookie";
        } else if (annotationType == MatrixParam.class) {
            return "matrix parameter";
        }
        return "parameter";
    }

    /**
     * The wire name and kind of parameter {@code index} of {@code method}, looking through the
     * interfaces it implements (the generated interfaces carry the annotations), or empty when
     * it has no JAX-RS parameter annotation (a request body).
     */
    static Optional<String> describe(Method method, int index) {
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(method.getDeclaringClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            try {
                Method candidate = type.getMethod(method.getName(), method.getParameterTypes());
                for (Annotation a : candidate.getParameterAnnotations()[index]) {
                    String name = nameOf(a);
                    if (name != null) {
                        return Optional.of(kind(a.annotationType()) + " '" + name + "'");
                    }
                }
            } catch (NoSuchMethodException e) {
                // not declared on this type; look further up
            }
            for (Class<?> parent : type.getInterfaces()) {
                types.add(parent);
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
        }
        return Optional.empty();
    }

    private static String nameOf(Annotation a) {
        if (a instanceof QueryParam q) {
            return q.value();
        } else if (a instanceof PathParam p) {
            return p.value();
        } else if (a instanceof HeaderParam h) {
            return h.value();
        } else if (a instanceof FormParam f) {
            return f.value();
        }
        return null;
    }
}
