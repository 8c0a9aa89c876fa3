package dev.usagekit.emulator.actions.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData.BandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData.PointList;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.wire.WireCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.From;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The dedicated writer of a bandwidth series puts out the very bytes the bean serializer writes for its records. */
class PointListWriterProperties {

    @Property(tries = 500)
    void writerMatchesTheRecordSerializer(@ForAll @LongRange(min = 0, max = 253_402_300_000L) long firstSecond,
            @ForAll @IntRange(min = -23 * 4 - 3, max = 23 * 4 + 3) int quarterHours,
            @ForAll("granularities") long granularitySeconds,
            @ForAll @Size(max = 300) List<@From("values") Long> values) {
        int offset = quarterHours * 900; // up to ±23:45, as RFC 3339 allows
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        BucketGrid grid = new BucketGrid(Instant.ofEpochSecond(firstSecond), array.length, array.length,
                Duration.ofSeconds(granularitySeconds), offset, Instant.ofEpochSecond(firstSecond));
        PointList points = new PointList(grid, array);
        List<BandwidthData> records = new ArrayList<>(points);

        assertThat(WireCodec.JSON.writeValueAsString(points)).isEqualTo(WireCodec.JSON.writeValueAsString(records));
        assertThat(WireCodec.JSON.writeValueAsBytes(Map.of("List", points)))
                .isEqualTo(WireCodec.JSON.writeValueAsBytes(Map.of("List", records)));
    }

    /** The mapper really takes the dedicated writer (which writes the points' text itself, no object tokens). */
    @Example
    void theMapperUsesTheWriter() {
        BucketGrid grid = new BucketGrid(Instant.parse("2026-11-18T16:00:00Z"), 3, 3, Duration.ofSeconds(300),
                8 * 3600, Instant.parse("2026-11-19T16:00:00Z"));
        StringWriter text = new StringWriter();
        AtomicInteger objectTokens = new AtomicInteger();
        JsonGenerator counting = new JsonGeneratorDelegate(WireCodec.JSON.createGenerator(text)) {
            @Override
            public JsonGenerator writeStartObject(Object forValue) {
                objectTokens.incrementAndGet();
                return super.writeStartObject(forValue);
            }

            @Override
            public JsonGenerator writeStartObject() {
                objectTokens.incrementAndGet();
                return super.writeStartObject();
            }
        };
        WireCodec.JSON.writeValue(counting, new PointList(grid, new long[] {1500, 0, 2250}));

        assertThat(objectTokens).hasValue(0);
        assertThat(text.toString()).isEqualTo("[{\"TimeStamp\":\"2026-11-19T00:00:00+08:00\",\"UpBandwidth\":1.5},"
                + "{\"TimeStamp\":\"2026-11-19T00:05:00+08:00\",\"UpBandwidth\":0},"
                + "{\"TimeStamp\":\"2026-11-19T00:10:00+08:00\",\"UpBandwidth\":2.25}]");
    }

    @Provide
    Arbitrary<Long> granularities() {
        return Arbitraries.of(300L, 3600L, 86400L);
    }

    /**
     * Mostly kbps as the model makes them, some beyond 10^7 Mbps or below 0 (which only the general writer writes), in
     * kbps.
     */
    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(0, 20_000_000_000L)),
                Tuple.of(2, Arbitraries.longs()));
    }
}
