package dev.usagekit.emulator.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * A journal page as JSON, written in batches of entries: the same bytes as the page written whole, without making the
 * whole answer as one string and again as a buffer of three bytes a character. A full journal of large calls is 16 MB
 * of JSON, and a few reads at once of it written whole ran a 192 MB heap out of memory.
 */
final class JournalPageJson {

    /** Entries of at most 16 KB each: a batch stays under a megabyte. */
    static final int ENTRIES_PER_BATCH = 64;

    private JournalPageJson() {
    }

    /** The page's bytes in order: its head, a piece per batch of entries, its tail. */
    static Flux<byte[]> pieces(RequestJournal.Page page) {
        List<RequestJournal.Entry> entries = page.entries();
        byte[] head = "{\"entries\":[".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("],\"evicted\":" + page.evicted() + "}").getBytes(StandardCharsets.US_ASCII);
        int batches = (entries.size() + ENTRIES_PER_BATCH - 1) / ENTRIES_PER_BATCH;
        return Flux.concat(Flux.just(head),
                Flux.range(0, batches).map(batch -> batch(entries, batch * ENTRIES_PER_BATCH)),
                Flux.just(tail));
    }

    private static byte[] batch(List<RequestJournal.Entry> entries, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        int to = Math.min(entries.size(), from + ENTRIES_PER_BATCH);
        for (int i = from; i < to; i++) {
            if (i > 0) {
                out.write(',');
            }
            ControlApi.JSON.writeValue(out, entries.get(i));
        }
        return out.toByteArray();
    }
}
