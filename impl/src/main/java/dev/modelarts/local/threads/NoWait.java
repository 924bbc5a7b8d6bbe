package dev.modelarts.local.threads;

import java.util.concurrent.Executor;

/**
 * Marks the threads that must not wait, and refuses a wait on them. The hot reads are answered
 * on Grizzly's I/O thread, the one that read the request, when they come from memory; that
 * thread also reads every other connection it serves, so a read that would wait (for the
 * database, for a scope another thread is loading, for the writer) must not start there. It
 * calls {@link #check()} first; on a marked thread that throws {@link WouldWait}, the read is
 * abandoned before it has done anything, and the request is served again on a worker thread.
 *
 * <p>One instance is shared by the database (which checks before it opens a connection) and
 * the hot reads (which mark the I/O thread while they read); a plain instance marks nothing
 * until asked, so a caller that never marks a thread sees no difference.
 *
 * <p>A step that can be done without a thread waiting for it ({@link #check(Later)}: PostgreSQL's
 * scope revisions, read by one thread for every request that asked meanwhile) says so in its
 * refusal: the request is then suspended, the step runs, and the request is served again when
 * it is done, on the thread the caller names (the I/O thread that read it), still marked.
 */
public final class NoWait {

    private final ThreadLocal<Boolean> marked = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final Marked unmark = () -> marked.set(Boolean.FALSE);

    /** Marks the current thread until the returned mark is closed. */
    public Marked mark() {
        marked.set(Boolean.TRUE);
        return unmark;
    }

    /** True on a thread marked now. */
    public boolean marked() {
        return marked.get();
    }

    /**
     * Called before a step that may wait.
     *
     * @throws WouldWait on a marked thread
     */
    public void check() {
        if (marked.get()) {
            throw new WouldWait(null);
        }
    }

    /**
     * Called before a step that may wait but can also be done later, without a thread waiting.
     *
     * @param later starts the step and, once it is done, runs what it is given
     * @throws WouldWait carrying {@code later}, on a marked thread
     */
    public void check(Later later) {
        if (marked.get()) {
            throw new WouldWait(later);
        }
    }

    /** A step done without a thread waiting for it, and what to run once it is done. */
    @FunctionalInterface
    public interface Later {

        /**
         * Starts the step; once it is done, or has failed (the step is then asked again where
         * waiting is allowed, and fails there as it does), gives {@code then} to {@code where} to
         * run, with what the step found. Never waits.
         *
         * @param where runs {@code then}, never waiting: the thread the request belongs to; if it
         *              refuses, the thread that did the step runs it
         */
        void then(Runnable then, Executor where);
    }

    /** The current thread's mark, taken off when closed; {@link #NONE} marks nothing. */
    @FunctionalInterface
    public interface Marked extends AutoCloseable {

        Marked NONE = () -> { };

        @Override
        void close();
    }

    /**
     * A step that would have waited on a thread that must not: nothing was done yet, and the
     * request is to be served again where waiting is allowed, or, if the step can be done
     * {@link #later()}, once it is done. No stack trace: it is an expected turn (the first read of
     * a scope, a row not kept), not a fault.
     */
    public static final class WouldWait extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Later later;

        WouldWait(Later later) {
            super("this thread must not wait", null, false, false);
            this.later = later;
        }

        /** The step that can be done without waiting; null when the request needs a thread that may wait. */
        public Later later() {
            return later;
        }
    }
}
