package dev.modelarts.local.faults;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's throttling windows: per rule and per key (a credential, an address, a
 * project), a fixed window of {@code period_s} seconds from its first request, by the server's
 * clock. Each instance counts its own requests, as each gateway node does.
 */
final class Throttles {

    private record Window(long start, int count) {
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    Throttles(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one request; returns -1 when it is within the limit, else the seconds until the
     * window ends (at least 1), for Retry-After.
     */
    long admit(Rule rule, String key) {
        long now = clock.millis();
        long period = rule.periodS() * 1000L;
        Window window = windows.compute(rule.id() + "\n" + key, (k, w) ->
                w == null || now - w.start() >= period ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (window.count() <= rule.limit()) {
            return -1;
        }
        return Math.max(1, (window.start() + period - now + 999) / 1000);
    }

    void forget() {
        windows.clear();
    }
}
