package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.testing.TestImages;

/**
 * When an image kept by id is given again, as plain values: only while its scope is at the
 * revision it was read at, read after that revision, and never while the writer is at work.
 */
class ShownImagesTest {

    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, Long> revisions = new HashMap<>();
    private final List<String> events = new ArrayList<>();
    private final ShownImages shown = new ShownImages(epoch::get, this::revision, 100);
    private final ImageRow image = TestImages.dedicated("p1", "0", "team", "app", "v1", 1_000);
    private Optional<ImageRow> stored = Optional.of(image);

    private long revision(String scope) {
        events.add("revision");
        return revisions.getOrDefault(scope, 0L);
    }

    private Optional<ImageRow> find() {
        return shown.find(image.id(), id -> {
            events.add("read");
            return stored;
        });
    }

    @Test
    void aRowNotKeptIsReadAgainAfterItsScopesRevisionThenKept() {
        assertThat(find()).contains(image);
        assertThat(events).containsExactly("read", "revision", "read");
        events.clear();
        assertThat(find()).contains(image);
        assertThat(events).as("kept: the revision only").containsExactly("revision");
    }

    @Test
    void aScopeMovingOnMeansTheRowIsReadAgain() {
        find();
        revisions.put(image.scope(), 1L);
        ImageRow changed = image.toBuilder().statusMessage("changed").build();
        stored = Optional.of(changed);
        events.clear();
        assertThat(find()).contains(changed);
        assertThat(events).containsExactly("revision", "read");
        stored = Optional.empty();
        revisions.put(image.scope(), 2L);
        assertThat(find()).as("deleted").isEmpty();
        assertThat(find()).as("and not kept as gone").isEmpty();
    }

    @Test
    void nothingIsKeptWhileACommitIsUnderWay() {
        epoch.set(1);
        find();
        epoch.set(2);
        events.clear();
        find();
        assertThat(events).as("not kept from the odd epoch").containsExactly("read", "revision", "read");
    }

    @Test
    void aRowReadWhileACommitBeganIsNotKept() {
        AtomicLong reads = new AtomicLong();
        shown.find(image.id(), id -> {
            if (reads.incrementAndGet() == 2) {
                epoch.incrementAndGet(); // a batch begins as the row is read again
            }
            return stored;
        });
        epoch.incrementAndGet(); // and ends
        events.clear();
        find();
        assertThat(events).containsExactly("read", "revision", "read");
    }

    @Test
    void anImageNotFoundIsNotKept() {
        stored = Optional.empty();
        assertThat(find()).isEmpty();
        stored = Optional.of(image);
        assertThat(find()).contains(image);
    }
}
