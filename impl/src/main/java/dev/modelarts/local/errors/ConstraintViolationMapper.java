package dev.modelarts.local.errors;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A parameter that breaks a constraint of the spec (pattern, length, range). The constraints
 * live on the generated interfaces; this names the parameter by its wire name and says which
 * rule it broke, in a message independent of the JVM's locale.
 */
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::describe)
                .sorted()
                .distinct()
                .collect(Collectors.joining("; "));
        return ErrorResponses.of(ErrorCode.PARAMETER_ERROR, "Parameter error: " + detail + ".");
    }

    static String describe(ConstraintViolation<?> violation) {
        return subject(violation) + " " + rule(violation.getConstraintDescriptor().getAnnotation(), violation);
    }

    private static String subject(ConstraintViolation<?> violation) {
        Path.MethodNode methodNode = null;
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                methodNode = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER && methodNode != null) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                parameter = parameterName(violation.getRootBeanClass(), methodNode, index)
                        .orElse("parameter '" + node.getName() + "'");
            } else if (node.getKind() == ElementKind.PROPERTY) {
                property.append(property.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        if (parameter == null) {
            return "'" + property + "'";
        }
        return property.length() == 0 ? parameter : "'" + property + "'";
    }

    private static Optional<String> parameterName(Class<?> resource, Path.MethodNode node, int index) {
        List<Class<?>> types = node.getParameterTypes();
        try {
            Method method = resource.getMethod(node.getName(), types.toArray(Class<?>[]::new));
            return ParameterNames.describe(method, index);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static String rule(Annotation constraint, ConstraintViolation<?> violation) {
        if (constraint instanceof Pattern p) {
            return "must match the pattern " + p.regexp();
        } else if (constraint instanceof Size s) {
            if (s.min() > 0 && s.max() < Integer.MAX_VALUE) {
                return "must be " + s.min() + " to " + s.max() + " characters long";
            } else if (s.max() < Integer.MAX_VALUE) {
                return "must be at most " + s.max() + " characters long";
            }
            return "must be at least " + s.min() + " characters long";
        } else if (constraint instanceof Min m) {
            return "must be greater than or equal to " + m.value();
        } else if (constraint instanceof Max m) {
            return "must be less than or equal to " + m.value();
        } else if (constraint instanceof NotNull) {
            return "is required";
        }
        return violation.getMessage();
    }
}
