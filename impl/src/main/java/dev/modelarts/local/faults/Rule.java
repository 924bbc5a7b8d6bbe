package dev.modelarts.local.faults;

/**
 * A checked fault rule: what it matches (null: anything), what it does, how often.
 *
 * @param operation an operation's name as {@link ApiOperations} spells it
 * @param delayMsMax null for a fixed delay
 * @param times null for no limit
 * @param probability 1 to fire on every matching request
 */
public record Rule(String id, String operation, String projectId, String method, Action action,
        Integer status, String errorCode, String errorMsg, Integer retryAfter,
        Integer limit, Integer periodS, Scope scope, Integer delayMs, Integer delayMsMax,
        Long times, long after, double probability, long seed) {

    public enum Action { ERROR, THROTTLE, DELAY, RESET, EMPTY, GARBAGE, TRUNCATE, STALL }

    /** What a throttle counts by. */
    public enum Scope { USER, IP, PROJECT }

    /** Whether a request of {@code operation} in {@code projectId} by {@code method} is one it matches. */
    public boolean matches(String requestOperation, String requestProject, String requestMethod) {
        return (operation == null || operation.equals(requestOperation))
                && (projectId == null || projectId.equals(requestProject))
                && (method == null || method.equals(requestMethod));
    }

    /** The gateway's answer to a throttled request, as API Gateway words it. */
    public String throttledMessage() {
        return throttledMessage(scope.name().toLowerCase(java.util.Locale.ROOT), limit, periodS);
    }

    static String throttledMessage(String scope, int limit, int periodSeconds) {
        String time = periodSeconds % 3600 == 0 ? periodSeconds / 3600 + " hour"
                : periodSeconds % 60 == 0 ? periodSeconds / 60 + " minute" : periodSeconds + " second";
        return "The throttling threshold has been reached: policy " + scope + " over ratelimit,limit:" + limit
                + ",time:" + time;
    }

    /** The action's name in the API ({@code error}, {@code throttle}, ...). */
    public String actionName() {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
