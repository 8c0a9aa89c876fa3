package dev.usagekit.emulator.actions.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData.Query;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.catalogue.CatalogueFactory;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.rules.RuleContext;
import dev.usagekit.emulator.usage.UsageModel;
import dev.usagekit.emulator.wire.WireCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A bandwidth answer is the same whatever the same thread answered before it (its slot arrays are reused). */
class BandwidthAnswerIndependenceProperties {

    private static final Catalogue CATALOGUE = CatalogueFactory.build(List.of(),
            CatalogueFactory.parseCredentials("AKLTmine:s3cret"), 1);
    private static final Account ACCOUNT = CATALOGUE.accountByAccessKey("AKLTmine").orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final long[] GRANULARITIES = {300, 3600, 86400};

    private final DescribeLivePullToPushBandwidthData action = new DescribeLivePullToPushBandwidthData(new LiveErrors());
    private final RuleContext context = new RuleContext(ACCOUNT, CATALOGUE, NOW, new UsageModel(1), "test",
            new dev.usagekit.emulator.core.CallTrace());

    @Property(tries = 200)
    void anAnswerDoesNotDependOnTheCallsBeforeIt(@ForAll @IntRange(min = 1, max = 40) int days,
            @ForAll @IntRange(min = 0, max = 2) int granularity, @ForAll @IntRange(min = 1, max = 40) int otherDays,
            @ForAll @IntRange(min = 0, max = 2) int otherGranularity, @ForAll boolean split) {
        String first = answer(days, GRANULARITIES[granularity], split);
        answer(otherDays, GRANULARITIES[otherGranularity], !split);
        assertThat(answer(days, GRANULARITIES[granularity], split)).isEqualTo(first)
                .isEqualTo(answer(days, GRANULARITIES[granularity], split));
    }

    private String answer(int days, long granularitySeconds, boolean split) {
        ZoneOffset offset = ZoneOffset.ofHours(8);
        OffsetDateTime end = OffsetDateTime.of(2026, 11, 20, 0, 0, 0, 0, offset);
        OffsetDateTime start = end.minusDays(days);
        List<String> groups = split ? ACCOUNT.pullToPushGroups().stream().map(g -> g.name()).toList() : List.of();
        Query query = new Query(start.toString(), end.toString(), start.toInstant(), end.toInstant(),
                offset.getTotalSeconds(), Duration.ofSeconds(granularitySeconds), groups,
                split ? List.of("Group") : List.of());
        BucketGrid grid = BucketGrid.of(query, NOW, Duration.ofMinutes(15));
        return WireCodec.JSON.writeValueAsString(action.handle(query, grid, context));
    }
}
