package dev.usagekit.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.core.Vendor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseSelfCheckTest {

    private static final SchemaCatalog CATALOG = new SchemaCatalog(List.of(ListOperationDistribution.SPEC,
            DescribeLivePullToPushBandwidthData.SPEC, DescribeLiveTranscodeData.SPEC, DescribeLiveProducerUsageData.SPEC));
    private final ResponseSelfCheck check = new ResponseSelfCheck(CATALOG);

    private List<String> violations(String path, String json) {
        return check.violations(path, json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String ALIYUN_OK = "{\"BillProducerData\":{\"BillProducerDataItem\":[{\"OutputHdDuration\":1,"
            + "\"OutputLdDuration\":0,\"OutputSdDuration\":0,\"TimeStamp\":\"2026-11-19T00:00:00Z\",\"TranHdDuration\":0,"
            + "\"TranLdDuration\":0,\"TranSdDuration\":0}]},\"EndTime\":\"2026-11-19T01:00:00Z\",\"RequestId\":\"X\","
            + "\"StartTime\":\"2026-11-19T00:00:00Z\"}";

    @Test
    void aConformingAliyunBodyPasses() {
        assertThat(violations(SchemaCatalog.responsePath(DescribeLiveProducerUsageData.SPEC), ALIYUN_OK)).isEmpty();
    }

    @Test
    void aSuccessBodyWithCodeIsAViolation() {
        assertThat(violations(SchemaCatalog.responsePath(DescribeLiveProducerUsageData.SPEC),
                ALIYUN_OK.replace("{\"BillProducerData\"", "{\"Code\":\"OK\",\"BillProducerData\""))).isNotEmpty();
    }

    @Test
    void aVolcengineErrorWithResultIsAViolation() {
        assertThat(violations(SchemaCatalog.errorPath(Vendor.VOLCENGINE), "{\"ResponseMetadata\":{\"RequestId\":\"r\","
                + "\"Action\":\"A\",\"Version\":\"V\",\"Service\":\"live\",\"Region\":\"cn-north-1\",\"Error\":{\"Code\":"
                + "\"InvalidParam\",\"Message\":\"m\"}},\"Result\":{}}")).isNotEmpty();
    }

    /**
     * The schema states RTC's two decimals in words only: as multipleOf 0.01 validators that divide in binary floating
     * point (Ajv, Python's jsonschema) refused real answers such as 5.06. The conformance property checks the decimals.
     */
    @Test
    void twoDecimalValuesThatBinaryFloatingPointCannotDivideByAHundredthPass() {
        String body = "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Action\":\"ListOperationDistribution\",\"Version\":"
                + "\"2020-12-01\",\"Service\":\"rtc\",\"Region\":\"cn-north-1\"},\"Result\":{\"Name\":\"user_num\","
                + "\"Dimension\":\"province\",\"Data\":[{\"DistributionName\":\"上海\",\"Value\":666.00,\"Proportion\":"
                + "%s}]}}";
        String path = SchemaCatalog.responsePath(ListOperationDistribution.SPEC);
        assertThat(violations(path, body.formatted("100.00"))).isEmpty();
        assertThat(violations(path, body.formatted("5.06"))).isEmpty();
        assertThat(violations(path, body.formatted("100.01"))).isNotEmpty(); // the schema's maximum still holds
    }
}
