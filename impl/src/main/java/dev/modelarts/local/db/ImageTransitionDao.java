package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.model.GroupKey;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Transition;

/**
 * Moves images along their transitions ({@link Transition}): a ShowImage call counted, the
 * timed steps that are due, a deletion begun. Each step changes the image's row (status,
 * status_message, update_at) and its group's update_at, or, at the end of a deletion, removes
 * the image, through the group commit so that the listing follows.
 */
public final class ImageTransitionDao {

    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final ImageWrites images;
    private final TransitionRows rows;

    ImageTransitionDao(Jdbi jdbi, GroupCommit writes, ImageWrites images, TransitionRows rows) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.images = images;
        this.rows = rows;
    }

    /**
     * Counts one ShowImage call of the image and answers the image as the call found it (its
     * status before the count). Empty when there is no such image.
     */
    public Optional<ImageRow> poll(String imageId, long now) {
        return writes.run("", (h, changed) -> {
            Optional<Transition> held = rows.lock(h, imageId);
            Optional<ImageRow> image = images.find(h, imageId);
            if (held.isEmpty() || image.isEmpty() || held.get().timed()) {
                changed.none();
                return image;
            }
            Transition t = held.get();
            long seen = t.seen() + 1;
            int step = t.stepAfterPolls(seen);
            if (step != t.stepAfterPolls(t.seen())) {
                images.lockGroup(h, image.get().groupId());
                take(h, t.withSeen(seen), image.get(), step, now);
                changed.add(image.get().groupKey());
            } else {
                // only the poll count moved: the image shows as it did
                rows.update(h, imageId, seen, null);
                changed.none();
            }
            return image;
        });
    }

    /** Takes every timed step due at {@code now}; answers how many transitions it moved. */
    public int settle(long now) {
        return writes.run("", (h, changed) -> {
            List<Transition> due = rows.due(h, now);
            List<GroupKey> moved = new ArrayList<>();
            for (Transition t : due) {
                Optional<ImageRow> image = images.find(h, t.imageId());
                if (image.isEmpty()) {
                    rows.delete(h, t.imageId());
                    continue;
                }
                images.lockGroup(h, image.get().groupId());
                int step = t.stepAt(now);
                take(h, t, image.get(), step, t.reachedAt(step));
                moved.add(image.get().groupKey());
            }
            changed.addAll(moved);
            return due.size();
        });
    }

    /** Begins a gradual deletion: the image shows DELETED from {@code now} until its transition ends. */
    public Optional<ImageRow> beginDelete(String imageId, Transition transition, long now) {
        return writes.run("", (h, changed) -> {
            Optional<ImageRow> image = images.find(h, imageId);
            if (image.isEmpty()) {
                changed.none();
                return image;
            }
            images.lockGroup(h, image.get().groupId());
            rows.delete(h, imageId);
            rows.insert(h, transition, transition.timed() ? transition.dueAfter(0) : null);
            images.setStatus(h, image.get(), ImageStatus.DELETED.toString(), transition.statusMessageAt(0), now);
            changed.add(image.get().groupKey());
            return images.find(h, imageId);
        });
    }

    /** The transition of an image, if it is on one. */
    public Optional<Transition> of(String imageId) {
        return jdbi.withHandle(h -> rows.find(h, imageId));
    }

    /** Whether a timed step is due at {@code now} (a look at an index, outside the writer). */
    public boolean anyDue(long now) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from image_transitions where due_at <= :now")
                .bind("now", now).mapTo(Long.class).one() > 0);
    }

    /** How many images are on their way. */
    public long pending() {
        return jdbi.withHandle(rows::count);
    }

    /** Every transition in progress, by image id. */
    public List<Transition> all() {
        return jdbi.withHandle(rows::all);
    }

    /** Moves {@code t}'s image to {@code step}, at {@code at}; the transition ends at its last step. */
    private void take(Handle h, Transition t, ImageRow image, int step, long at) {
        if (t.doneAt(step)) {
            rows.delete(h, t.imageId());
        } else {
            rows.update(h, t.imageId(), t.seen(), t.timed() ? t.dueAfter(step) : null);
        }
        Optional<ImageStatus> status = t.status(step);
        if (status.isEmpty()) {
            images.delete(h, image, at);
        } else {
            images.setStatus(h, image, status.get().toString(), t.statusMessageAt(step), at);
        }
    }
}
