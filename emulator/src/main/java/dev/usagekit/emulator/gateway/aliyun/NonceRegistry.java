package dev.usagekit.emulator.gateway.aliyun;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Signature nonces seen inside the timestamp window, per access key. Bounded: entries older than the window are
 * dropped, and past the capacity the oldest go first, so a flood of requests cannot grow memory without limit.
 *
 * <p>A use is kept as the first 128 bits of SHA-256 over the access key and the nonce, with its time, in primitive
 * arrays: a ring in order of use and an open-addressing index into it. That is 40 bytes a nonce instead of about 200
 * as strings, map entries and queue nodes; a long run of SDK calls, each with a fresh nonce, filled the registry to its
 * capacity with some 40 MB of objects every young collection had to trace until they were promoted. Two different
 * nonces share a digest with a chance of about n²/2¹²⁹: never, in practice.
 */
public final class NonceRegistry {

    private static final int FIRST_RING_LENGTH = 1024;
    /** Marks a free index slot; ring positions are 0 or more. */
    private static final int FREE = -1;

    private final long windowMillis;
    private final int capacity;
    private final MessageDigest sha256;

    // the ring: uses in order, the oldest at `head`, `count` of them; a position holds a digest and a time
    private long[] digestHigh = new long[0];
    private long[] digestLow = new long[0];
    private long[] usedAtMillis = new long[0];
    private int head;
    private int count;
    /** Ring positions by digest (linear probing); a ring entry is live while the index points at it. */
    private int[] index = new int[0];
    private int live;

    public NonceRegistry(Duration window, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.windowMillis = window.toMillis();
        this.capacity = capacity;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every Java runtime", e);
        }
        grow();
    }

    /**
     * Records the nonce; false when it was already used inside the window.
     *
     * @param arrivedAt the virtual clock as the call read it on arrival, as its signing time is checked against
     */
    public synchronized boolean firstUse(String accessKeyId, String nonce, Instant arrivedAt) {
        long now = arrivedAt.toEpochMilli();
        evict(now);
        ByteBuffer digest = ByteBuffer.wrap(digest(accessKeyId, nonce));
        long high = digest.getLong();
        long low = digest.getLong();
        int slot = find(high, low);
        if (slot != FREE) {
            int previous = index[slot];
            if (Math.abs(now - usedAtMillis[previous]) <= windowMillis) {
                return false;
            }
            removeAt(slot); // last used more than a window away (the virtual clock moved): a use anew
        }
        if (count == digestHigh.length) {
            grow();
        }
        int position = (head + count) % digestHigh.length;
        digestHigh[position] = high;
        digestLow[position] = low;
        usedAtMillis[position] = now;
        count++;
        insert(position);
        return true;
    }

    public synchronized void clear() {
        head = 0;
        count = 0;
        live = 0;
        Arrays.fill(index, FREE);
    }

    public synchronized int size() {
        return live;
    }

    /** Drops the oldest uses while they are outside the window or the ring is at its capacity. */
    private void evict(long now) {
        while (count > 0 && (count >= capacity || now - usedAtMillis[head] > windowMillis)) {
            int slot = find(digestHigh[head], digestLow[head]);
            if (slot != FREE && index[slot] == head) {
                removeAt(slot);
            }
            head = (head + 1) % digestHigh.length;
            count--;
        }
    }

    private byte[] digest(String accessKeyId, String nonce) {
        sha256.update(accessKeyId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        return sha256.digest(nonce.getBytes(StandardCharsets.UTF_8));
    }

    /** The index slot pointing at a live entry with this digest, or FREE. */
    private int find(long high, long low) {
        int mask = index.length - 1;
        for (int slot = home(high, mask); index[slot] != FREE; slot = (slot + 1) & mask) {
            int position = index[slot];
            if (digestHigh[position] == high && digestLow[position] == low) {
                return slot;
            }
        }
        return FREE;
    }

    private void insert(int position) {
        int mask = index.length - 1;
        int slot = home(digestHigh[position], mask);
        while (index[slot] != FREE) {
            slot = (slot + 1) & mask;
        }
        index[slot] = position;
        live++;
    }

    /** Frees an index slot, moving later entries of its probe run back so every lookup still finds them. */
    private void removeAt(int slot) {
        int mask = index.length - 1;
        int gap = slot;
        for (int next = (gap + 1) & mask; index[next] != FREE; next = (next + 1) & mask) {
            int wanted = home(digestHigh[index[next]], mask);
            // the entry at `next` may fill the gap unless its home lies cyclically in (gap, next]
            boolean homeAfterGap = gap <= next ? wanted > gap && wanted <= next : wanted > gap || wanted <= next;
            if (!homeAfterGap) {
                index[gap] = index[next];
                gap = next;
            }
        }
        index[gap] = FREE;
        live--;
    }

    private static int home(long high, int mask) {
        return (int) (high ^ (high >>> 32)) & mask;
    }

    /** Doubles the ring (up to the capacity), keeping the uses in order, and rebuilds the index at most half full. */
    private void grow() {
        int length = Math.min(capacity, Math.max(FIRST_RING_LENGTH, digestHigh.length * 2));
        int oldLength = digestHigh.length;
        boolean[] liveAt = new boolean[oldLength];
        for (int position : index) {
            if (position != FREE) {
                liveAt[position] = true;
            }
        }
        long[] high = new long[length];
        long[] low = new long[length];
        long[] at = new long[length];
        for (int i = 0; i < count; i++) {
            int from = (head + i) % oldLength;
            high[i] = digestHigh[from];
            low[i] = digestLow[from];
            at[i] = usedAtMillis[from];
        }
        index = new int[Integer.highestOneBit(Math.max(2, length) * 2 - 1) * 2];
        Arrays.fill(index, FREE);
        live = 0;
        digestHigh = high;
        digestLow = low;
        usedAtMillis = at;
        for (int i = 0; i < count; i++) {
            if (liveAt[(head + i) % oldLength]) { // a use made again later stays in the ring, out of the index
                insert(i);
            }
        }
        head = 0;
    }
}
