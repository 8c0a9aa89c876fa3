package dev.usagekit.benchmarks;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.live.LiveErrors;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.actions.rtc.RtcErrors;
import dev.usagekit.emulator.catalogue.CatalogueLoader;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.time.EmulatorClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The emulator's parts as the benchmarks use them: default catalogue, default seed, a frozen virtual clock. */
final class BenchFixture {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final long SEED = 20240101L;

    private BenchFixture() {
    }

    static EmulatorState state() {
        try (InputStream in = BenchFixture.class.getResourceAsStream("/usagekit/fixtures/default-catalogue.yaml")) {
            return new EmulatorState(SEED, CatalogueLoader.read(in, "default-catalogue.yaml"), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActionRegistry registry() {
        LiveErrors live = new LiveErrors();
        return new ActionRegistry(List.of(new ListOperationDistribution(new RtcErrors(false)),
                new DescribeLivePullToPushBandwidthData(live), new DescribeLiveTranscodeData(live, "0"),
                new DescribeLiveProducerUsageData()));
    }

    static EmulatorClock frozenClock() {
        EmulatorClock clock = EmulatorClock.systemUtc();
        clock.freeze();
        clock.set(NOW);
        return clock;
    }
}
