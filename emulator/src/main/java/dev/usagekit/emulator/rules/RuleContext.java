package dev.usagekit.emulator.rules;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.usage.Anomaly;
import dev.usagekit.emulator.usage.Series;
import dev.usagekit.emulator.usage.Settling;
import dev.usagekit.emulator.usage.UsageModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule or handler may consult about the call: who calls, what exists, the time, and the data model; and the
 * call's trace, for what a handler decided that the journal should explain.
 */
public record RuleContext(Account account, Catalogue catalogue, Instant now, UsageModel model, String requestId,
        CallTrace trace) {

    /**
     * The usage series of one of the caller's resources as this call serves it ({@code grid}): with the resource's
     * anomalies and the account's late-arriving data, both noted for the journal.
     *
     * @param kind the resource's kind in the model's key, e.g. {@code "live-domain"}
     * @param resource the resource as the journal names it, e.g. {@code "Live domain example.com"}
     */
    public Series series(String kind, String id, String resource, double scale, List<Anomaly> anomalies,
            BucketGrid grid) {
        noteAnomalies(resource, anomalies, grid);
        Settling settling = account.settling();
        if (settling != null) {
            noteSettling(settling, grid);
        }
        return model.series(account.accountId(), kind, id, scale, account.utcOffset(), anomalies)
                .asServed(grid.servedUntil(), settling);
    }

    /** Notes once per call, when a served bucket holds a slot still short of its value, how the data arrives. */
    private void noteSettling(Settling settling, BucketGrid grid) {
        if (grid.served() == 0 || trace.get("settling") != null) {
            return;
        }
        Instant partialFrom = grid.servedUntil().minus(settling.period());
        if (grid.start(grid.served()).isAfter(partialFrom)) {
            trace.noteFields("settling", "period", settling.period().toString(), "firstShare", settling.firstShare(),
                    "partialFrom", partialFrom.toString(), "servedUntil", grid.servedUntil().toString());
        }
    }

    /**
     * Notes for the journal each anomaly of a resource that overlaps the buckets served, so that a zero or a spike in
     * an answer can be told apart from the model's own idle hours and bursts.
     */
    private void noteAnomalies(String resource, List<Anomaly> anomalies, BucketGrid grid) {
        if (anomalies.isEmpty() || grid.served() == 0) {
            return;
        }
        Instant from = grid.first();
        Instant until = grid.start(grid.served());
        for (Anomaly anomaly : anomalies) {
            if (anomaly.from().isBefore(until) && anomaly.to().isAfter(from)) {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("resource", resource);
                note.put("from", anomaly.from().toString());
                note.put("to", anomaly.to().toString());
                note.put("factor", anomaly.factor());
                trace.append("anomalies", note);
            }
        }
    }
}
