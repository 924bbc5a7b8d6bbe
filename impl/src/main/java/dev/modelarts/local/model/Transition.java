package dev.modelarts.local.model;

import java.util.List;
import java.util.Optional;

import dev.modelarts.local.api.model.ImageStatus;

/**
 * An image on its way along a path of statuses, and how far it has come: the arithmetic of
 * {@code /_modelarts/transitions}, without a database. Step {@code i} shows {@code path[i]}; a
 * registration is done at its last status, a deletion one step after its last ({@code DELETED}),
 * when the image is gone. The pace is either {@code polls} (a step every that many ShowImage
 * calls: each call answers the status it finds, then counts) or {@code stepMs} (a step every
 * that many milliseconds of the server's clock from {@code startedAt}).
 *
 * @param seen ShowImage calls counted so far
 */
public record Transition(String imageId, Kind kind, List<ImageStatus> path, Integer polls, Long stepMs,
        String statusMessage, long startedAt, long seen) {

    /** What started it; the names are the operations'. */
    public enum Kind {
        REGISTER("RegisterImage"), DELETE("DeleteImage");

        private final String operation;

        Kind(String operation) {
            this.operation = operation;
        }

        public String operation() {
            return operation;
        }

        public static Kind ofOperation(String operation) {
            return DELETE.operation.equals(operation) ? DELETE : REGISTER;
        }
    }

    public Transition {
        path = List.copyOf(path);
        if ((polls == null) == (stepMs == null)) {
            throw new IllegalArgumentException("a transition goes by polls or by time, exactly one");
        }
    }

    /** The step at which it is done. */
    public int lastStep() {
        return kind == Kind.DELETE ? path.size() : path.size() - 1;
    }

    /** The step {@code now} is at, for a timed transition. */
    public int stepAt(long now) {
        long elapsed = Math.max(0, now - startedAt);
        return (int) Math.min(elapsed / stepMs, lastStep());
    }

    /** The step after {@code count} ShowImage calls, for one that goes by polls. */
    public int stepAfterPolls(long count) {
        return (int) Math.min(Math.max(0, count) / polls, lastStep());
    }

    /** The status step {@code step} shows; empty when the image is gone (a deletion done). */
    public Optional<ImageStatus> status(int step) {
        return step < path.size() ? Optional.of(path.get(step)) : Optional.empty();
    }

    public boolean doneAt(int step) {
        return step >= lastStep();
    }

    public boolean timed() {
        return stepMs != null;
    }

    /** When a timed transition at {@code step} takes its next step. */
    public long dueAfter(int step) {
        return startedAt + (step + 1) * stepMs;
    }

    /** When a timed transition reached {@code step}: the image's update_at from then on. */
    public long reachedAt(int step) {
        return startedAt + step * stepMs;
    }

    /** The status_message an image at {@code step} shows: the rule's, at the last status. */
    public String statusMessageAt(int step) {
        return step == path.size() - 1 ? statusMessage : null;
    }

    public Transition withSeen(long count) {
        return new Transition(imageId, kind, path, polls, stepMs, statusMessage, startedAt, count);
    }
}
