package dev.modelarts.local.transitions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.TransitionRule;
import dev.modelarts.local.db.ImageTransitionDao;
import dev.modelarts.local.db.TransitionRuleDao;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.Ids;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Transition;

/**
 * Status over time ({@code /_modelarts/transitions}): the rules, kept in the database and held
 * here as a snapshot (read again by {@link #refresh} when other instances may change it, off the
 * request path; at once after this instance's own changes), and the images on their way. While
 * no rule is held and no image is on its way, a read costs nothing more than a look at two fields.
 */
public final class TransitionRules {

    private final TransitionRuleDao dao;
    private final ImageTransitionDao progress;
    private final ObjectMapper json;
    private final Clock clock;
    private final Ids ids;
    private volatile List<StatusRule> rules = List.of();
    private volatile boolean pending;

    /** @param clock the server's clock: the steps' times */
    public TransitionRules(TransitionRuleDao dao, ImageTransitionDao progress, ObjectMapper json, Clock clock,
            Ids ids) {
        this.dao = dao;
        this.progress = progress;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
    }

    /** Reads the stored rules; call once the schema is there. */
    public void load() {
        reload();
    }

    /** Checks a rule without adding it; throws the 400 that adding it would answer. */
    public static void check(TransitionRule given) {
        StatusRule.check("check", given);
    }

    public TransitionRule add(TransitionRule given) {
        String id = ids.next();
        StatusRule rule = StatusRule.check(id, given);
        // stored with its path as it applies ([DELETED] when a deletion's is left out)
        String definition = write(copy(given).id(null).path(rule.path()));
        dao.insert(id, definition);
        reload();
        return read(definition).id(id);
    }

    public List<TransitionRule> list() {
        return dao.list().stream().map(row -> read(row.definition()).id(row.id())).toList();
    }

    public TransitionRule remove(String id) {
        TransitionRule removed = dao.delete(id).map(row -> read(row.definition()).id(row.id())).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "The transition rule " + id + " does not exist."));
        reload();
        return removed;
    }

    public int clear() {
        int cleared = dao.deleteAll();
        reload();
        return cleared;
    }

    /** The transition a registration of {@code image} starts on, if a rule matches it. */
    public Optional<Transition> forRegistration(ImageRow image) {
        return first(Transition.Kind.REGISTER, image);
    }

    /** The transition a deletion of {@code image} starts on, if a rule matches it. */
    public Optional<Transition> forDeletion(ImageRow image) {
        return first(Transition.Kind.DELETE, image);
    }

    /** Counts a ShowImage call of the image, which is on its way; answers it as the call found it. */
    public Optional<ImageRow> poll(String imageId) {
        return progress.poll(imageId, clock.millis());
    }

    /** Begins a gradual deletion. */
    public Optional<ImageRow> beginDelete(String imageId, Transition transition) {
        pending = true;
        return progress.beginDelete(imageId, transition, clock.millis());
    }

    /** Whether the image is on its way (a deletion begun, say). */
    public boolean onItsWay(String imageId) {
        return progress.of(imageId).isPresent();
    }

    /**
     * Takes the timed steps due now, before a read: what the read answers then agrees with the
     * clock. Nothing to do (no rule, no image on its way) costs no query.
     */
    public void settle() {
        if (rules.isEmpty() && !pending) {
            return;
        }
        long now = clock.millis();
        if (progress.anyDue(now)) {
            progress.settle(now);
        }
        if (rules.isEmpty()) {
            pending = progress.pending() > 0;
        }
    }

    /** Called when a registration started a transition. */
    public void started() {
        pending = true;
    }

    private Optional<Transition> first(Transition.Kind kind, ImageRow image) {
        for (StatusRule rule : rules) {
            if (rule.matches(kind, image.projectId(), image.swrPath())) {
                pending = true;
                return Optional.of(rule.start(image.id(), clock.millis()));
            }
        }
        return Optional.empty();
    }

    /** Reads the rules (and whether images are on their way) again: other instances' changes apply from now. */
    public void refresh() {
        try {
            reload();
        } catch (RuntimeException databaseAway) {
            // the rules held stay until the database answers again
        }
    }

    private void reload() {
        rules = dao.list().stream().map(row -> StatusRule.check(row.id(), read(row.definition()))).toList();
        pending = progress.pending() > 0;
    }

    private TransitionRule copy(TransitionRule rule) {
        return read(write(rule));
    }

    private String write(TransitionRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TransitionRule read(String definition) {
        try {
            return json.readValue(definition, TransitionRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored transition rule that does not read back: " + definition, e);
        }
    }
}
