package dev.modelarts.local.db;

import java.util.function.LongSupplier;

/**
 * A read's watch on this process's writer ({@link GroupCommit#epoch()}, odd while a batch is being
 * committed and applied): started before the read, asked after it. A read during which the
 * writer stayed at rest saw no commit of this process half done, so what it read is exactly the
 * state at the revisions it took; only such a read may be kept ({@link ImagePages},
 * {@link ShownImages}).
 */
record WriterWatch(LongSupplier epoch, long before) {

    static WriterWatch start(LongSupplier epoch) {
        return new WriterWatch(epoch, epoch.getAsLong());
    }

    /** No commit was under way as the read began. */
    boolean restingAtStart() {
        return (before & 1) == 0;
    }

    /** No commit was under way at any moment since the start. */
    boolean restedThroughout() {
        return restingAtStart() && epoch.getAsLong() == before;
    }
}
