package dev.usagekit.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.wire.GoIntegerType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request schemas tell which fields hold an integer, and which Go type each binds to (the vendors' models). */
class RequestIntegerFieldsTest {

    private static final SchemaCatalog CATALOG = new SchemaCatalog(List.of(ListOperationDistribution.SPEC,
            DescribeLivePullToPushBandwidthData.SPEC, DescribeLiveTranscodeData.SPEC, DescribeLiveProducerUsageData.SPEC));

    @Test
    void aggregationIsAnInt32InBothLiveActionsThroughItsRefAndItsNullBranch() {
        assertThat(CATALOG.requestIntegerFields(SchemaCatalog.requestPath(DescribeLivePullToPushBandwidthData.SPEC)))
                .isEqualTo(Map.of("Aggregation", GoIntegerType.INT32));
        assertThat(CATALOG.requestIntegerFields(SchemaCatalog.requestPath(DescribeLiveTranscodeData.SPEC)))
                .isEqualTo(Map.of("Aggregation", GoIntegerType.INT32));
    }

    @Test
    void theRtcAndAliyunRequestsHaveNoIntegerField() {
        assertThat(CATALOG.requestIntegerFields(SchemaCatalog.requestPath(ListOperationDistribution.SPEC)))
                .isEmpty();
        assertThat(CATALOG.requestIntegerFields(SchemaCatalog.requestPath(DescribeLiveProducerUsageData.SPEC)))
                .isEmpty();
    }
}
