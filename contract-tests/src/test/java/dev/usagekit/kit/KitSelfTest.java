package dev.usagekit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.JsonNode;

/** The kit against itself: control plane client, reset between tests, assertion failures. */
@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, signatureMode = "off", seed = 7)
class KitSelfTest {

    static final Instant START = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void injectsTheSameEmulatorAndControl(UsageEmulator emulator, EmulatorControl control) {
        assertSame(emulator.control(), control);
        assertTrue(emulator.port() > 0);
        assertEquals("http://127.0.0.1:" + emulator.port(), emulator.baseUrl());
        assertEquals(java.net.URI.create("http://127.0.0.1:" + emulator.port() + "/"), emulator.baseUri());
        assertEquals(java.util.Set.of("ListOperationDistribution", "DescribeLivePullToPushBandwidthData",
                "DescribeLiveTranscodeData", "DescribeLiveProducerUsageData"), UsageAssertions.actions());
        assertEquals("AKLTtestaccesskey", emulator.volcAccessKey());
        assertEquals("testid", emulator.aliyunAccessKeyId());
        assertEquals(7, control.info().get("seed").asLong());
    }

    @Test
    void movesTheClockAndResetRestoresIt(EmulatorControl control) {
        assertEquals(START, control.now());
        assertTrue(control.frozen());
        control.advanceClock(Duration.ofMinutes(5));
        assertEquals(START.plusSeconds(300), control.now());
        control.setClock(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), control.now());
        control.unfreezeClock();
        assertFalse(control.frozen());
        control.freezeClockAt(Instant.parse("2026-02-01T00:00:00Z"));
        assertTrue(control.frozen());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), control.now());
        control.seed(99);
        assertEquals(99, control.info().get("seed").asLong());
        control.reset();
        assertEquals(START, control.now());
        assertEquals(7, control.info().get("seed").asLong());
    }

    @Test
    void faultsAndThrottles(EmulatorControl control) {
        control.fault("DescribeLiveTranscodeData", "InternalError", 500, 2)
                .faultWithLatency("ListOperationDistribution", "ServiceUnavailable", 503, 1, 10)
                .latency("DescribeLiveProducerUsageData", 80, 0.5, 2000);
        assertEquals(3, control.faults().size());
        assertEquals("{\"minMs\":0,\"maxMs\":2000,\"medianMs\":80,\"sigma\":0.5}",
                control.faults().get(2).get("latency").toString());
        control.clearFaults();
        assertEquals(0, control.faults().size());
        control.throttle("ListOperationDistribution", "10/s");
        assertEquals("10/s", control.throttles().get("actions").get("ListOperationDistribution").asString());
        control.throttle("ListOperationDistribution", "1/s", "second-tenant");
        assertEquals("1/s", control.throttles().at("/accounts/2100000002/ListOperationDistribution").asString());
        control.throttlesEnabled(false);
        assertFalse(control.throttles().get("enabled").asBoolean());
    }

    @Test
    void aLatencyOverAMinuteIsRefusedNamingTheLimitAndAddsNoFault(EmulatorControl control) {
        control.latency("DescribeLiveTranscodeData", 60_000);
        IllegalStateException slow = assertThrows(IllegalStateException.class,
                () -> control.latency("DescribeLiveTranscodeData", 60_001));
        assertTrue(slow.getMessage().contains("answered 400") && slow.getMessage().contains(
                "latencyMs must be an integer from 0 to 60000"), slow.getMessage());
        IllegalStateException failing = assertThrows(IllegalStateException.class,
                () -> control.faultWithLatency("DescribeLiveTranscodeData", "InternalError", 500, 1, 6_000_000));
        assertTrue(failing.getMessage().contains("latencyMs must be an integer from 0 to 60000"),
                failing.getMessage());
        assertEquals(1, control.faults().size());
    }

    @Test
    void journalStartsEmptyAndAssertionsExplainFailures(EmulatorControl control) {
        assertEquals(0, control.count(null));
        assertEquals(List.of(), control.journal("DescribeLiveTranscodeData"));
        assertNull(control.lastCall("DescribeLiveTranscodeData"));
        UsageAssertions.assertSentCalls(control, "DescribeLiveTranscodeData", 0);

        AssertionFailedError sent = assertThrows(AssertionFailedError.class,
                () -> UsageAssertions.assertSentCalls(control, "DescribeLiveTranscodeData", 1));
        assertTrue(sent.getMessage().contains("exactly 1 DescribeLiveTranscodeData"), sent.getMessage());
        AssertionFailedError none = assertThrows(AssertionFailedError.class,
                () -> UsageAssertions.assertLastCallThrottled(control, "ListOperationDistribution"));
        assertTrue(none.getMessage().contains("journal has none"), none.getMessage());
    }

    /** A misspelt action would find no calls, and an assertion of none would pass whatever the client sent. */
    @Test
    void journalAssertionsRefuseAnActionTheEmulatorDoesNotServe(EmulatorControl control) {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> UsageAssertions.assertSentCalls(control, "DescribeLiveTranscodeDatas", 0));
        assertTrue(typo.getMessage().startsWith("unknown action DescribeLiveTranscodeDatas; known: ["),
                typo.getMessage());
        IllegalArgumentException wrongCase = assertThrows(IllegalArgumentException.class,
                () -> UsageAssertions.assertLastCallFailedWith(control, "describeLiveTranscodeData", "InvalidParam"));
        assertTrue(wrongCase.getMessage().contains("did you mean DescribeLiveTranscodeData?"), wrongCase.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> UsageAssertions.assertLastCallThrottled(control, "ListOperationDistributions"));
        assertThrows(IllegalArgumentException.class,
                () -> UsageAssertions.assertLastCallSent(control, "Nope", "StartTime", "x"));
    }

    /** The RequestId a client's exception shows finds the call, with what the emulator found wrong in it. */
    @Test
    void aCallIsFoundByTheRequestIdItWasAnsweredWith(UsageEmulator emulator, EmulatorControl control)
            throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                emulator.baseUrl() + "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON"
                        + "&AccessKeyId=testid&StartTime=2026-11-19&EndTime=2026-11-20T00:00:00Z")).build(),
                HttpResponse.BodyHandlers.ofString());
        String requestId = answer.body().replaceAll(".*\"RequestId\":\"([^\"]+)\".*", "$1");
        JsonNode call = control.callWithRequestId(requestId);
        assertEquals("InvalidStartTime.Malformed", call.get("errorCode").asString());
        assertTrue(call.at("/details/problem").asString().startsWith("StartTime must be a UTC time"),
                call.toString());
        assertNull(control.callWithRequestId("no-such-id"));
        assertThrows(IllegalArgumentException.class, () -> control.callWithRequestId(" "));
    }

    @Test
    void schemaAssertionNamesTheViolation() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> UsageAssertions.assertConformsToResponseSchema("DescribeLiveTranscodeData", "{\"Result\":42}"));
        assertTrue(error.getMessage().contains("DescribeLiveTranscodeData"), error.getMessage());
        assertTrue(error.getMessage().contains("\n  /Result: "), error.getMessage());
        assertTrue(error.getMessage().contains("\n  /: required property 'ResponseMetadata' not found"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> UsageAssertions.assertConformsToResponseSchema("NoSuchAction", "{}"));
    }

    /** An error answer checked as a successful one says so, beside the violations it makes. */
    @Test
    void schemaAssertionSaysTheBodyIsAnErrorAnswer() {
        AssertionFailedError volcengine = assertThrows(AssertionFailedError.class,
                () -> UsageAssertions.assertConformsToResponseSchema("DescribeLiveTranscodeData",
                        "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Error\":{\"Code\":\"InvalidParam\"}}}"));
        assertTrue(volcengine.getMessage().contains(
                "(the body is an error answer, InvalidParam, not a successful one)"), volcengine.getMessage());
        AssertionFailedError aliyun = assertThrows(AssertionFailedError.class,
                () -> UsageAssertions.assertConformsToResponseSchema("DescribeLiveProducerUsageData",
                        "{\"RequestId\":\"r\",\"Code\":\"InvalidStartTime.Malformed\"}"));
        assertTrue(aliyun.getMessage().contains("error answer, InvalidStartTime.Malformed,"), aliyun.getMessage());
        AssertionFailedError wrongShape = assertThrows(AssertionFailedError.class,
                () -> UsageAssertions.assertConformsToResponseSchema("DescribeLiveTranscodeData", "{\"Result\":42}"));
        assertFalse(wrongShape.getMessage().contains("error answer"), wrongShape.getMessage());
    }

    @Test
    void loadsFixtures(EmulatorControl control) {
        JsonNode info = control.info();
        assertTrue(info.has("limits"));
        assertThrows(IllegalStateException.class, () -> control.loadFixtures("not: [a catalogue"));
    }

    @Test
    void loadsAShippedScenarioByName(UsageEmulator emulator, EmulatorControl control) throws Exception {
        assertEquals(3, control.loadScenario("time-zones"));
        assertEquals("+05:45", control.catalogue().at("/accounts/1/utcOffset").asString());
        java.net.http.HttpResponse<String> kathmandu = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl()
                        + "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=LTAIkathmandu"
                        + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, kathmandu.statusCode(), kathmandu.body());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> control.loadScenario("no-such-scenario"));
        assertTrue(unknown.getMessage().contains("usagekit/fixtures/scenarios/no-such-scenario.yaml"), unknown.getMessage());
    }

    @Test
    void assertLastCallSentNamesWhatTheClientSentInstead(UsageEmulator emulator, EmulatorControl control)
            throws Exception {
        String query = "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON&AccessKeyId="
                + emulator.aliyunAccessKeyId() + "&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z";
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());

        UsageAssertions.assertLastCallSent(control, "DescribeLiveProducerUsageData", "StartTime",
                "2026-11-19T00:00:00Z");
        AssertionFailedError wrong = assertThrows(AssertionFailedError.class, () -> UsageAssertions.assertLastCallSent(
                control, "DescribeLiveProducerUsageData", "StartTime", "2026-11-18T00:00:00Z"));
        assertTrue(wrong.getMessage().startsWith("expected the last DescribeLiveProducerUsageData call to send StartTime"
                + " = 2026-11-18T00:00:00Z but it sent 2026-11-19T00:00:00Z"), wrong.getMessage());
        AssertionFailedError absent = assertThrows(AssertionFailedError.class, () -> UsageAssertions.assertLastCallSent(
                control, "DescribeLiveProducerUsageData", "Interval", "3600"));
        assertTrue(absent.getMessage().contains("but it sent no Interval"), absent.getMessage());
    }
}
