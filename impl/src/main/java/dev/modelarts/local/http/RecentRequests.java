package dev.modelarts.local.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.modelarts.local.api.model.JournalEntry;

/**
 * The last {@link #capacity()} requests this instance answered, oldest first; older ones are
 * dropped. What a client under test actually sent, for the test to look at (WireMock's request
 * journal). Holds no header and no body; the principal is already masked.
 */
public final class RecentRequests {

    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    public RecentRequests(int capacity) {
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void record(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** Empties the journal; returns how many entries it held. */
    public synchronized int clear() {
        int size = entries.size();
        entries.clear();
        return size;
    }
}
