package dev.modelarts.local.faults;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.FaultRule;
import dev.modelarts.local.db.FaultRuleDao;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.Ids;

/**
 * The fault rules (the test-control API's {@code /_modelarts/faults}): kept in the database,
 * held here as a snapshot that this instance reloads at most every half second when other
 * instances may change it (PostgreSQL), and at once after its own changes. {@link #decide} says,
 * for an API request, which rule fires on it, if any; a request no rule matches costs a look at
 * an empty list.
 */
public final class FaultRules {

    private static final long RELOAD_NANOS = 500_000_000L;

    /** A rule firing on a request: its rule, the operation, the delay to wait, the Retry-After. */
    public record Decision(Rule rule, String operation, long delayMs, long retryAfterSeconds) {
    }

    private final FaultRuleDao dao;
    private final ApiOperations operations;
    private final ObjectMapper json;
    private final boolean shared;
    private final Throttles throttles;
    private final Ids ids;
    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private volatile List<Rule> rules = List.of();
    private volatile boolean loaded;
    private volatile long loadedNanos = System.nanoTime();

    /** @param shared whether other instances may change the rules (PostgreSQL): reload them now and then */
    public FaultRules(FaultRuleDao dao, ApiOperations operations, ObjectMapper json, Clock clock, Ids ids,
            boolean shared) {
        this.dao = dao;
        this.ids = ids;
        this.operations = operations;
        this.json = json;
        this.shared = shared;
        this.throttles = new Throttles(clock);
    }

    /** Reads the stored rules; call once the schema is there (until then no rule applies). */
    public void load() {
        reload();
    }

    public ApiOperations operations() {
        return operations;
    }

    /** Checks a rule without adding it; throws the 400 that adding it would answer. */
    public static void check(FaultRule given, ApiOperations operations) {
        RuleCheck.check("check", given, operations);
    }

    /** Adds a rule; answers it with its id. */
    public FaultRule add(FaultRule given) {
        String id = ids.next();
        RuleCheck.check(id, given, operations);
        String definition = write(copy(given).id(null).fired(null).spent(null));
        dao.insert(id, definition);
        reload();
        return view(new FaultRuleDao.Row(id, definition, 0, 0, 0));
    }

    public List<FaultRule> list() {
        return dao.list().stream().map(this::view).toList();
    }

    public FaultRule remove(String id) {
        FaultRule removed = dao.delete(id).map(this::view).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "The fault rule " + id + " does not exist."));
        reload();
        return removed;
    }

    public int clear() {
        int cleared = dao.deleteAll();
        throttles.forget();
        reload();
        return cleared;
    }

    /**
     * False when no rule is held and none is due to be read again: a request then needs no
     * look at all (the edge asks this before anything else).
     */
    public boolean mayFire() {
        return !rules.isEmpty() || shared && loaded && System.nanoTime() - loadedNanos > RELOAD_NANOS;
    }

    /**
     * The rule that fires on this request, if any: the first, in the order they were added,
     * that matches it and whose {@code after}, {@code probability}, {@code times} or throttle
     * say it fires now.
     */
    public Optional<Decision> decide(String method, String rawPath, String credential, String client) {
        if (shared && loaded && System.nanoTime() - loadedNanos > RELOAD_NANOS) {
            try {
                reload();
            } catch (RuntimeException databaseAway) {
                // the rules held stay in force; the request itself will say the database is away
                loadedNanos = System.nanoTime();
            }
        }
        List<Rule> current = rules;
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiOperations.Match> match = operations.match(method, rawPath);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        String operation = match.get().operation();
        for (Rule rule : current) {
            if (spent.contains(rule.id()) || !rule.matches(operation, match.get().projectId(), method)) {
                continue;
            }
            Optional<Decision> decision;
            try {
                decision = fires(rule, operation, match.get().projectId(), credential, client);
            } catch (RuntimeException databaseAway) {
                // its counters cannot be taken: it does not fire, and the request goes on to say why
                continue;
            }
            if (decision.isPresent()) {
                return decision;
            }
        }
        return Optional.empty();
    }

    private Optional<Decision> fires(Rule rule, String operation, String project, String credential, String client) {
        long retryAfter = rule.retryAfter() == null ? -1 : rule.retryAfter();
        if (rule.action() == Rule.Action.THROTTLE) {
            String key = switch (rule.scope()) {
                case USER -> String.valueOf(credential);
                case IP -> String.valueOf(client);
                case PROJECT -> String.valueOf(project);
            };
            retryAfter = throttles.admit(rule, key);
            if (retryAfter < 0) {
                return Optional.empty();
            }
        }
        if (rule.after() > 0 && dao.letThrough(rule.id(), rule.after())) {
            return Optional.empty();
        }
        long draw = 0;
        if (rule.probability() < 1.0 || rule.delayMsMax() != null) {
            draw = dao.match(rule.id());
            if (rule.probability() < 1.0 && uniform(rule.seed(), draw) >= rule.probability()) {
                return Optional.empty();
            }
        }
        if (!dao.fire(rule.id(), rule.times())) {
            spent.add(rule.id());
            return Optional.empty();
        }
        long delay = rule.delayMs() == null ? 0 : rule.delayMsMax() == null ? rule.delayMs()
                : rule.delayMs() + (long) (uniform(rule.seed() ^ 0x5DEECE66DL, draw) * (rule.delayMsMax() - rule.delayMs() + 1));
        return Optional.of(new Decision(rule, operation, delay, retryAfter));
    }

    /** A number in [0, 1) drawn from the seed and the request's number: the same pair, the same number. */
    static double uniform(long seed, long n) {
        long z = seed + n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private void reload() {
        List<Rule> fresh = dao.list().stream().map(row -> RuleCheck.check(row.id(), read(row.definition()), operations))
                .toList();
        spent.retainAll(fresh.stream().map(Rule::id).toList());
        rules = fresh;
        loadedNanos = System.nanoTime();
        loaded = true;
    }

    private FaultRule view(FaultRuleDao.Row row) {
        FaultRule rule = read(row.definition()).id(row.id()).fired(row.fired());
        return rule.spent(rule.getTimes() != null && row.fired() >= rule.getTimes());
    }

    private FaultRule copy(FaultRule rule) {
        return read(write(rule));
    }

    private String write(FaultRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FaultRule read(String definition) {
        try {
            return json.readValue(definition, FaultRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fault rule that does not read back: " + definition, e);
        }
    }
}
