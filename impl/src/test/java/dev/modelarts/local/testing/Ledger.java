package dev.modelarts.local.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the server acknowledged, by SWR path: the live images (path → id), the deleted ones
 * (id → path), and the requests that got no answer.
 */
public final class Ledger {

    private final Map<String, String> live = new ConcurrentHashMap<>();
    private final Map<String, String> deleted = new ConcurrentHashMap<>();
    /** Registrations sent and not (yet) answered. */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    /** Deletes sent and not (yet) answered: path → id. */
    private final Map<String, String> deleting = new ConcurrentHashMap<>();
    /** Acknowledged since the last {@link #reconcile}: checked one by one with ShowImage. */
    private final Map<String, String> recentLive = new ConcurrentHashMap<>();
    private final Map<String, String> recentDeleted = new ConcurrentHashMap<>();

    void registering(String path) {
        unanswered.add(path);
    }

    void registered(String path, String id) {
        unanswered.remove(path);
        live.put(path, id);
        recentLive.put(path, id);
    }

    void refused(String path) {
        unanswered.remove(path);
    }

    /** A live image no other deleter has taken, taken now; null when there is none. */
    synchronized Map.Entry<String, String> pickForDelete() {
        List<String> paths = new ArrayList<>(recentLive.keySet());
        if (paths.isEmpty()) {
            return null;
        }
        String path = paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
        String id = live.get(path);
        if (id == null || deleting.putIfAbsent(path, id) != null) {
            return null;
        }
        recentLive.remove(path);
        return Map.entry(path, id);
    }

    void deleted(String path, String id) {
        deleting.remove(path);
        live.remove(path);
        deleted.put(id, path);
        recentDeleted.put(id, path);
    }

    public Map<String, String> live() {
        return Map.copyOf(live);
    }

    public Map<String, String> deleted() {
        return Map.copyOf(deleted);
    }

    public Map<String, String> recentLive() {
        return Map.copyOf(recentLive);
    }

    public Map<String, String> recentDeleted() {
        return Map.copyOf(recentDeleted);
    }

    /**
     * Settles the requests that got no answer by what the server now holds ({@code present}:
     * path → id), starts a new "recent" period, and answers how many were settled.
     */
    public int reconcile(Map<String, String> present) {
        int settled = unanswered.size() + deleting.size();
        for (String path : unanswered) {
            String id = present.get(path);
            if (id != null) {
                live.put(path, id);
            }
        }
        unanswered.clear();
        deleting.forEach((path, id) -> {
            if (!id.equals(present.get(path))) {
                live.remove(path);
                deleted.put(id, path);
            }
        });
        deleting.clear();
        recentLive.clear();
        recentDeleted.clear();
        return settled;
    }
}
