package dev.modelarts.local.hot;

/** Where a request answered at the edge is timed, as Jersey's listener times the others. */
@FunctionalInterface
public interface RequestTimes {

    /** A request of the operation with path template {@code template}, answered {@code status} in {@code nanos}. */
    void served(String method, String template, int status, long nanos);
}
