package dev.usagekit.emulator.control;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last N API calls, oldest dropped first; counts what it dropped. An entry keeps its details as JSON text, not as
 * the maps the stages noted: under load the journal's entries outlive a young collection or two, and copying some
 * forty small objects an entry was most of each young pause (2.6 ms against 0.9 ms without a journal).
 */
public final class RequestJournal {

    /**
     * One answered call, served as JSON as it stands (time as ISO-8601, details as the JSON object they were written
     * as). outcome: success, error, throttled or fault. The request id is served within the details; it is kept here
     * too to find the entry by.
     */
    public record Entry(long id, Instant time, String vendor, String action, String account, int status,
            String errorCode, String outcome, @JsonRawValue String details, @JsonIgnore String requestId) {
    }

    /** Null fields match anything. */
    public record Filter(String action, String account, String outcome, Instant since, String requestId,
            String errorCode) implements Predicate<Entry> {

        public static final Filter ANY = new Filter(null, null, null, null, null, null);

        @Override
        public boolean test(Entry e) {
            return (action == null || action.equals(e.action())) && (account == null || account.equals(e.account()))
                    && (outcome == null || outcome.equals(e.outcome()))
                    && (since == null || !e.time().isBefore(since))
                    && (requestId == null || requestId.equals(e.requestId()))
                    && (errorCode == null || errorCode.equals(e.errorCode()));
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;
    private long evicted;
    /** Read on every call, written only by {@link #clear}: volatile rather than under the journal's lock. */
    private volatile long generation;

    public RequestJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records a call of the given generation; one that started before the journal was last cleared (it waited on
     * injected latency meanwhile) is left out, as it belongs to what the clear ended.
     */
    public synchronized void record(long callGeneration, Instant time, String vendor, String action, String account,
            int status, String errorCode, String outcome, String detailsJson, String requestId) {
        if (callGeneration != generation) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
            evicted++;
        }
        entries.addLast(new Entry(nextId++, time, vendor, action, account, status, errorCode, outcome, detailsJson,
                requestId));
    }

    /** Entries, and how many calls were dropped for want of room, read together. */
    public record Page(List<Entry> entries, long evicted) {
    }

    /** A count of entries, and how many calls were dropped for want of room, read together. */
    public record Count(long count, long evicted) {
    }

    /** Matching entries, oldest first; at most the newest {@code limit} when limit > 0. */
    public synchronized Page find(Filter filter, int limit) {
        List<Entry> matched = new ArrayList<>(entries.stream().filter(filter).toList());
        return new Page(limit > 0 && matched.size() > limit ? matched.subList(matched.size() - limit, matched.size())
                : matched, evicted);
    }

    public synchronized Count count(Filter filter) {
        return new Count(entries.stream().filter(filter).count(), evicted);
    }

    /** Calls starting now belong to this; each {@link #clear} starts a new one. */
    public long generation() {
        return generation;
    }

    /** The id of the newest call ever recorded (0 before the first); clearing the journal does not lower it. */
    public synchronized long lastId() {
        return nextId - 1;
    }

    public synchronized long evicted() {
        return evicted;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void clear() {
        entries.clear();
        evicted = 0;
        generation++;
    }
}
