package dev.modelarts.local.faults;

import java.util.Locale;
import java.util.Map;

import dev.modelarts.local.api.model.FaultRule;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;

/**
 * A fault rule as the API takes it, checked beyond what the spec's schema says (which the API's
 * validation and the faults file's both apply first): the fields its action needs, an operation
 * this server has. Every problem is a 400 {@code ModelArts.0104} naming the field.
 */
final class RuleCheck {

    /** The real service's and gateway's messages for the codes a rule may answer with (docs/faults.md). */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("APIG.0101", "The API does not exist or has not been published in the environment."),
            Map.entry("APIG.0201", "Bad request."),
            Map.entry("APIG.0202", "Backend unavailable."),
            Map.entry("APIG.0203", "Backend timeout."),
            Map.entry("APIG.0301", "Incorrect IAM authentication information."),
            Map.entry("APIG.0302", "The IAM user is not authorized to access the API."),
            Map.entry("APIG.0308", Rule.throttledMessage("user", 5, 60)),
            Map.entry("ModelArts.0010", "Internal error."),
            Map.entry("ModelArts.0104", "Parameter error."),
            Map.entry("ModelArts.0108", "You are not authorized to perform the operation."),
            Map.entry("ModelArts.0201", "Token doesn't exist."),
            Map.entry("ModelArts.0203", "Invalid token."),
            Map.entry("ModelArts.6101", "The system is busy now. Please try again later."),
            Map.entry("ModelArts.6102", "Internal error."));

    private RuleCheck() {
    }

    static Rule check(String id, FaultRule given, ApiOperations operations) {
        String operation = null;
        if (given.getOperation() != null) {
            operation = operations.named(given.getOperation()).orElseThrow(() -> invalid("operation",
                    "'" + given.getOperation() + "' is not an operation of this server; the operations are "
                            + String.join(", ", operations.names())));
        }
        Rule.Action action = Rule.Action.valueOf(given.getAction().value().toUpperCase(Locale.ROOT));
        Integer status = given.getStatus();
        String code = given.getErrorCode();
        String message = given.getErrorMsg();
        switch (action) {
            case ERROR -> {
                require(status, "status", "an error");
                require(code, "error_code", "an error");
                if (message == null) {
                    message = MESSAGES.getOrDefault(code, "Error injected by fault rule " + id + ".");
                }
            }
            case THROTTLE -> {
                require(given.getLimit(), "limit", "a throttle");
                require(given.getPeriodS(), "period_s", "a throttle");
            }
            case DELAY -> {
                require(given.getDelayMs(), "delay_ms", "a delay");
                if (given.getDelayMsMax() != null && given.getDelayMsMax() < given.getDelayMs()) {
                    throw invalid("delay_ms_max", "must be at least delay_ms (" + given.getDelayMs() + ")");
                }
            }
            default -> {
                // the network faults take no further field
            }
        }
        Rule.Scope scope = given.getScope() == null ? Rule.Scope.USER
                : Rule.Scope.valueOf(given.getScope().value().toUpperCase(Locale.ROOT));
        return new Rule(id, operation, given.getProjectId(), given.getMethod() == null ? null : given.getMethod().value(),
                action, status, code, message, given.getRetryAfter(), given.getLimit(), given.getPeriodS(), scope,
                given.getDelayMs(), given.getDelayMsMax(), given.getTimes(),
                given.getAfter() == null ? 0 : given.getAfter(),
                given.getProbability() == null ? 1.0 : given.getProbability(),
                given.getSeed() == null ? 0 : given.getSeed());
    }

    private static void require(Object value, String field, String what) {
        if (value == null) {
            throw invalid(field, "is required for " + what);
        }
    }

    static ApiException invalid(String field, String why) {
        return new ApiException(ErrorCode.PARAMETER_ERROR, "Parameter error: fault rule '" + field + "' " + why + ".");
    }
}
