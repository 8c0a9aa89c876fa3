package dev.usagekit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An emulator started on a shipped scenario and with a setting of its own, both kept across the reset of each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, signatureMode = "off",
        fixtures = "classpath:usagekit/fixtures/scenarios/outage-and-spike.yaml",
        properties = {"emulator.journal.size=5", "emulator.limits.enabled=false"})
class FixturesAndPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** group001's bandwidth at 5-minute points, 03:30 to 04:30 UTC on 2026-11-19: the outage ends at 04:00. */
    private static List<Double> group001AroundTheOutageEnd(UsageEmulator emulator) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/?Action=DescribeLivePullToPushBandwidthData&Version=2023-01-01"))
                .header("Content-Type", "application/json")
                .header("Authorization", "HMAC-SHA256 Credential=" + emulator.volcAccessKey()
                        + "/20261120/cn-north-1/live/request, SignedHeaders=x-date, Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"GroupList\":[\"group001\"],\"Aggregation\":300,"
                        + "\"StartTime\":\"2026-11-19T03:30:00+00:00\",\"EndTime\":\"2026-11-19T04:30:00+00:00\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        List<Double> points = new ArrayList<>();
        for (JsonNode point : JSON.readTree(response.body()).at("/Result/BandwidthDataList")) {
            points.add(point.get("UpBandwidth").asDouble());
        }
        return points;
    }

    @Test
    @Order(1)
    void anotherCatalogueLoadedInATest(UsageEmulator emulator) {
        assertEquals(1, emulator.control().loadScenario("large-customer")); // has no group001
    }

    @Test
    @Order(2)
    void isGoneInTheNextOneWhichStartsOnTheScenarioAgain(UsageEmulator emulator) throws Exception {
        List<Double> points = group001AroundTheOutageEnd(emulator);
        assertEquals(12, points.size());
        assertTrue(points.subList(0, 6).stream().allMatch(v -> v == 0.0), points::toString);
        assertTrue(points.subList(6, 12).stream().allMatch(v -> v > 0), points::toString);
    }

    @Test
    @Order(3)
    void theJournalKeepsTheConfiguredFiveCalls(UsageEmulator emulator, EmulatorControl control) throws Exception {
        for (int i = 0; i < 7; i++) {
            group001AroundTheOutageEnd(emulator);
        }
        assertEquals(5, control.journal("DescribeLivePullToPushBandwidthData").size());
        assertEquals(2, control.evicted());
        // seven were sent and five are held: the assertion says it cannot tell, rather than counting five
        var unknowable = org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> UsageAssertions.assertSentCalls(control, "DescribeLivePullToPushBandwidthData", 7));
        assertTrue(unknowable.getMessage().contains("dropped its 2 oldest entries"), unknowable.getMessage());
    }
}
