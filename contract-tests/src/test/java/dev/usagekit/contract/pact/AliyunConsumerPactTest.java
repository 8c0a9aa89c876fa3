package dev.usagekit.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pacts of an Alibaba Cloud Live consumer (DescribeLiveProducerUsageData) with the emulator as provider. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "usagekit-emulator")
class AliyunConsumerPactTest {

    static final String CONSUMER = "aliyun-usage-client";
    static final String CLOCK = VolcengineConsumerPactTest.CLOCK;
    static final String ACTION = "DescribeLiveProducerUsageData";

    static Map<String, String> params(String start, String end, String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("StartTime", start);
        m.put("EndTime", end);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            m.put(extra[i], extra[i + 1]);
        }
        return m;
    }

    static final Map<String, String> OK = params("2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z", "Interval", "3600");
    static final Map<String, String> SPAN = params("2026-10-01T00:00:00Z", "2026-11-19T00:00:00Z");
    static final Map<String, String> BADTIME = params("2026-11-18 00:00:00", "2026-11-19T00:00:00Z");
    static final Map<String, String> FOREIGN = params("2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z", "Instance", "not-my-instance");

    private static String query(Map<String, String> p) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Action", ACTION);
        all.put("Version", "2016-11-01");
        all.put("AccessKeyId", "testid");
        all.put("Format", "JSON");
        all.putAll(p);
        return all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static au.com.dius.pact.consumer.dsl.PactDslRequestWithPath request(PactDslWithProvider b, String description,
            Map<String, String> p, String... states) {
        var withState = b.given(CLOCK);
        for (String s : states) {
            withState = withState.given(s);
        }
        return withState.uponReceiving(description).method("GET").path("/").query(query(p));
    }

    private static V4Pact errorPact(PactDslWithProvider b, String description, Map<String, String> p, int status, String code,
            String... states) {
        return request(b, description, p, states).willRespondWith().status(status)
                .body(new PactDslJsonBody().stringType("RequestId").stringType("HostId").stringValue("Code", code)
                        .stringType("Message"))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    V4Pact usageOk(PactDslWithProvider b) {
        return request(b, "producer usage per hour for one day", OK, "account demo has producer instances")
                .willRespondWith().status(200)
                .body(new PactDslJsonBody()
                        .stringType("RequestId")
                        .object("BillProducerData")
                        .minArrayLike("BillProducerDataItem", 1)
                        .stringType("TimeStamp")
                        .closeArray()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    V4Pact usageSpanTooLong(PactDslWithProvider b) {
        return errorPact(b, "producer usage over 49 days", SPAN, 400, "InvalidTimeSpan");
    }

    @Pact(consumer = CONSUMER)
    V4Pact usageBadTime(PactDslWithProvider b) {
        return errorPact(b, "producer usage with a malformed StartTime", BADTIME, 400, "InvalidStartTime.Malformed");
    }

    @Pact(consumer = CONSUMER)
    V4Pact usageForeignInstance(PactDslWithProvider b) {
        return errorPact(b, "producer usage of an instance the account does not own", FOREIGN, 403, "Forbidden");
    }

    @Pact(consumer = CONSUMER)
    V4Pact usageThrottled(PactDslWithProvider b) {
        return errorPact(b, "producer usage while throttled", OK, 400, "Throttling.User",
                ACTION + " is throttled for account demo");
    }

    private static UsageClients.AliyunClient client(MockServer s) {
        return new UsageClients.AliyunClient(s.getUrl(), "testid");
    }

    @Test
    @PactTestFor(pactMethod = "usageOk")
    void usageOk(MockServer s) throws Exception {
        var r = client(s).describeLiveProducerUsageData(OK);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("BillProducerDataItem");
    }

    @Test
    @PactTestFor(pactMethod = "usageSpanTooLong")
    void usageSpanTooLong(MockServer s) throws Exception {
        assertThat(client(s).describeLiveProducerUsageData(SPAN).body()).contains("InvalidTimeSpan");
    }

    @Test
    @PactTestFor(pactMethod = "usageBadTime")
    void usageBadTime(MockServer s) throws Exception {
        assertThat(client(s).describeLiveProducerUsageData(BADTIME).body()).contains("Malformed");
    }

    @Test
    @PactTestFor(pactMethod = "usageForeignInstance")
    void usageForeignInstance(MockServer s) throws Exception {
        assertThat(client(s).describeLiveProducerUsageData(FOREIGN).status()).isEqualTo(403);
    }

    @Test
    @PactTestFor(pactMethod = "usageThrottled")
    void usageThrottled(MockServer s) throws Exception {
        assertThat(client(s).describeLiveProducerUsageData(OK).body()).contains("Throttling.User");
    }
}
