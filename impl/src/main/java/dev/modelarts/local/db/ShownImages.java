package dev.modelarts.local.db;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.modelarts.local.model.ImageRow;

/**
 * Images read by id (ShowImage, and the look-up before a delete or a sync), each kept with the
 * revision its scope had, and given again while the scope is still at it: a client polling its
 * image until it is ACTIVE then costs, over PostgreSQL, a share of one batched revision read
 * instead of a query of its own.
 *
 * <p>Exact by the rule of {@link ImagePages}: a row is kept only when it was read after its
 * scope's revision and while this process's writer was at rest, so it is the image at that
 * revision. An image never changes scope, so a kept row names the scope to check. Since the
 * scope is known only once the row is read, a row not kept is read, its scope's revision taken,
 * and the row read again; an image not found is not kept.
 */
final class ShownImages {

    private record Kept(long revision, ImageRow row) {
    }

    private final LongSupplier writerEpoch;
    private final ToLongFunction<String> revisionOf;
    private final Cache<String, Kept> kept;

    /**
     * @param writerEpoch {@link GroupCommit#epoch()}
     * @param revisionOf  a scope's current revision ({@link GroupIndex#current})
     */
    ShownImages(LongSupplier writerEpoch, ToLongFunction<String> revisionOf, long maxRows) {
        this.writerEpoch = writerEpoch;
        this.revisionOf = revisionOf;
        this.kept = Caffeine.newBuilder().maximumSize(maxRows).executor(Runnable::run).build();
    }

    /** The image with this id: the kept row while its scope holds its revision, otherwise {@code read}'s. */
    Optional<ImageRow> find(String id, Function<String, Optional<ImageRow>> read) {
        WriterWatch watch = WriterWatch.start(writerEpoch);
        if (!watch.restingAtStart()) {
            return read.apply(id);
        }
        Kept held = kept.getIfPresent(id);
        String scope;
        if (held != null) {
            scope = held.row().scope();
        } else {
            Optional<ImageRow> found = read.apply(id);
            if (found.isEmpty()) {
                return found;
            }
            scope = found.get().scope();
        }
        long revision = revisionOf.applyAsLong(scope);
        if (held != null && held.revision() == revision) {
            return Optional.of(held.row());
        }
        Optional<ImageRow> row = read.apply(id); // after the revision: at least that new
        if (row.isPresent() && row.get().scope().equals(scope) && watch.restedThroughout()) {
            kept.put(id, new Kept(revision, row.get()));
        } else {
            kept.invalidate(id);
        }
        return row;
    }
}
