package dev.modelarts.local.errors;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A parameter or body field that breaks a constraint of the spec (pattern, length, range,
 * required). The constraints live on the generated interfaces and models; this names the
 * parameter or field by its wire name and says which rule it broke, in a message independent
 * of the JVM's locale. Codes as the real service uses them: ModelArts.0104 for parameters,
 * 6335 for a missing body field, 6336 for a wrong one, 6400 for a missing body.
 */
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    /** Where a violation is, and the code that goes with it. */
    private record Subject(String text, ErrorCode code) {
    }

    /**
     * Which code answers a request with several violations: a parameter first (the real service
     * checks the URL before the body), then a body that is missing, then a missing field, then
     * a wrong one.
     */
    private static final List<ErrorCode> PRECEDENCE = List.of(ErrorCode.PARAMETER_ERROR, ErrorCode.INVALID_PAYLOAD,
            ErrorCode.FIELD_REQUIRED, ErrorCode.FIELD_INVALID);

    @Context
    private ResourceInfo resource;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Subject> subjects = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
            Subject subject = subject(violation, constraint);
            subjects.add(subject);
            details.add(subject.text() + " " + rule(constraint, violation));
        }
        ErrorCode code = ParameterBodies.answering(resource) ? ErrorCode.PARAMETER_ERROR
                : subjects.stream().map(Subject::code).min(Comparator.comparingInt(PRECEDENCE::indexOf))
                        .orElse(ErrorCode.PARAMETER_ERROR);
        String prefix = switch (code) {
            case PARAMETER_ERROR -> "Parameter error: ";
            case INVALID_PAYLOAD -> "Invalid request payload: ";
            default -> "";
        };
        return ErrorResponses.of(code, prefix + details.stream().sorted().distinct()
                .collect(Collectors.joining("; ")) + ".");
    }

    private static Subject subject(ConstraintViolation<?> violation, Annotation constraint) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName(); // as WireParameterNames named it
            } else if (node.getKind() == ElementKind.PROPERTY) {
                // a node in a list carries its element's index: images[1].swr_path
                if (node.isInIterable() && node.getIndex() != null) {
                    property.append('[').append(node.getIndex()).append(']');
                }
                if (property.length() > 0) {
                    property.append('.');
                }
                property.append(snakeCase(node.getName()));
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                property.append('[').append(node.getIndex()).append(']');
            }
        }
        if (property.length() > 0) {
            boolean missing = constraint instanceof NotNull;
            return new Subject("'" + property + "'" + (missing ? "" : " property value"),
                    missing ? ErrorCode.FIELD_REQUIRED : ErrorCode.FIELD_INVALID);
        }
        if (WireParameterNames.BODY.equals(parameter)) {
            return new Subject(WireParameterNames.BODY, ErrorCode.INVALID_PAYLOAD);
        }
        return new Subject(parameter == null ? "a parameter" : parameter, ErrorCode.PARAMETER_ERROR);
    }

    /** The generated models' Java names come from the spec's snake_case names: swrPath → swr_path. */
    static String snakeCase(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String rule(Annotation constraint, ConstraintViolation<?> violation) {
        if (constraint instanceof Pattern p) {
            return "must match the pattern " + p.regexp();
        } else if (constraint instanceof Size s) {
            String unit = violation.getInvalidValue() instanceof CharSequence ? " characters long" : " items";
            if (s.min() > 0 && s.max() < Integer.MAX_VALUE) {
                return "must be " + s.min() + " to " + s.max() + unit;
            } else if (s.max() < Integer.MAX_VALUE) {
                return "must be at most " + s.max() + unit;
            }
            return "must be at least " + s.min() + unit;
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
