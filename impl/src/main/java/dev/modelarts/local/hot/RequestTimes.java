package dev.modelarts.local.hot;

/** Where a request answered by {@link HotReads} is timed, as Jersey's listener times the others. */
@FunctionalInterface
public interface RequestTimes {

    /** A GET of the operation with path template {@code template}, answered 200 in {@code nanos}. */
    void ok(String template, long nanos);
}
