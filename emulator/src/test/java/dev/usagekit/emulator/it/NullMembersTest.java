package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.usagekit.emulator.schema.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Volcengine services are Go services: encoding/json binds a JSON {@code null} member as "not set". So a field
 * sent as null must be answered exactly as if it had been left out (a client on Jackson's defaults writes nulls),
 * and the published request schemas must say so. The fields come from the request schemas themselves, so every
 * field of every action is covered.
 */
class NullMembersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaCatalog SCHEMAS = new SchemaCatalog(List.of());

    /** Each action with a legal body that sends every field of its request schema. */
    enum Action {
        RTC("ListOperationDistribution", "2020-12-01", "rtc", "InvalidParameter", """
                {"AppId":"Your_AppId","StartTime":"2026-11-17T00:00:00+08:00","EndTime":"2026-11-19T00:00:00+08:00",
                 "Indicator":"user_count","Dimension":"province"}"""),
        PULL_TO_PUSH("DescribeLivePullToPushBandwidthData", "2023-01-01", "live", "InvalidParam", """
                {"GroupList":["group001","group002"],"StartTime":"2026-11-19T00:00:00+08:00",
                 "EndTime":"2026-11-20T00:00:00+08:00","Aggregation":3600,"DetailField":["Group"]}"""),
        TRANSCODE("DescribeLiveTranscodeData", "2023-01-01", "live", "InvalidParam", """
                {"DomainList":["example.com","example2.com"],"StartTime":"2026-11-15T00:00:00+08:00",
                 "EndTime":"2026-11-18T00:00:00+08:00","Aggregation":86400,"App":"live","Stream":"s1",
                 "TranscodeType":["Normal_H264","Audio"],"Resolution":["720P","0"]}""");

        final String name;
        final String version;
        final String service;
        final String missingCode;
        final ObjectNode body;

        Action(String name, String version, String service, String missingCode, String body) {
            this.name = name;
            this.version = version;
            this.service = service;
            this.missingCode = missingCode;
            this.body = (ObjectNode) JSON.readTree(body);
        }

        String schemaPath() {
            return "volcengine/" + name + ".request.json";
        }

        JsonNode schema() {
            try (InputStream in = NullMembersTest.class.getClassLoader()
                    .getResourceAsStream("usagekit/schemas/" + schemaPath())) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Set<String> fields() {
            return new TreeSet<>(schema().get("properties").propertyNames());
        }

        Set<String> required() {
            Set<String> required = new TreeSet<>();
            schema().get("required").forEach(f -> required.add(f.asString()));
            return required;
        }

        /** The optional fields, with App and Stream as one (they must come together). */
        List<List<String>> optionalGroups() {
            List<List<String>> groups = new ArrayList<>();
            for (String field : fields()) {
                if (field.equals("Stream")) {
                    continue;
                }
                if (!required().contains(field)) {
                    groups.add(field.equals("App") ? List.of("App", "Stream") : List.of(field));
                }
            }
            return groups;
        }
    }

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private TestEmulator.Reply call(Action action, JsonNode body) {
        return emulator.volcengine(action.name, action.version, action.service, TestEmulator.VOLC_AK,
                JSON.writeValueAsString(body));
    }

    private static ObjectNode withNull(Action action, List<String> fields) {
        ObjectNode body = action.body.deepCopy();
        fields.forEach(body::putNull);
        return body;
    }

    private static ObjectNode without(Action action, List<String> fields) {
        ObjectNode body = action.body.deepCopy();
        fields.forEach(body::remove);
        return body;
    }

    /** The answer with what differs between any two calls (the request id) taken out. */
    private static JsonNode answer(TestEmulator.Reply reply) {
        ObjectNode json = (ObjectNode) reply.json();
        ((ObjectNode) json.get("ResponseMetadata")).remove("RequestId");
        return json;
    }

    static Stream<Arguments> everyField() {
        return Stream.of(Action.values()).flatMap(a -> a.fields().stream().map(f -> Arguments.of(a, f)));
    }

    static Stream<Arguments> optionalFields() {
        return Stream.of(Action.values()).flatMap(a -> a.optionalGroups().stream().map(g -> Arguments.of(a, g)));
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of(Action.values()).flatMap(a -> a.required().stream().map(f -> Arguments.of(a, f)));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void theBodiesSendEveryFieldAndSucceed(Action action) {
        assertThat(action.body.propertyNames()).containsExactlyInAnyOrderElementsOf(action.fields());
        TestEmulator.Reply reply = call(action, action.body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyField")
    void aNullFieldIsAnsweredExactlyAsIfItWereLeftOut(Action action, String field) {
        TestEmulator.Reply sentNull = call(action, withNull(action, List.of(field)));
        TestEmulator.Reply leftOut = call(action, without(action, List.of(field)));

        assertThat(sentNull.status()).as(sentNull.body()).isEqualTo(leftOut.status());
        assertThat(answer(sentNull)).isEqualTo(answer(leftOut));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optionalFields")
    void aNullOptionalFieldSucceedsWithTheResultOfLeavingItOut(Action action, List<String> fields) {
        TestEmulator.Reply sentNull = call(action, withNull(action, fields));
        TestEmulator.Reply leftOut = call(action, without(action, fields));

        assertThat(sentNull.status()).as(sentNull.body()).isEqualTo(200);
        assertThat(sentNull.json().get("Result")).isEqualTo(leftOut.json().get("Result"));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void everyOptionalFieldNullAtOnceIsTheSameAsNoneSent(Action action) {
        List<String> optional = action.optionalGroups().stream().flatMap(List::stream).toList();
        TestEmulator.Reply sentNull = call(action, withNull(action, optional));
        TestEmulator.Reply leftOut = call(action, without(action, optional));

        assertThat(sentNull.status()).as(sentNull.body()).isEqualTo(200);
        assertThat(sentNull.json().get("Result")).isEqualTo(leftOut.json().get("Result"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requiredFields")
    void aNullRequiredFieldGetsTheMissingParameterError(Action action, String field) {
        TestEmulator.Reply reply = call(action, withNull(action, List.of(field)));

        assertServiceError(reply, 400, action.missingCode);
        assertThat(reply.json().at("/ResponseMetadata/Error/Message").asString()).startsWith(field + " is required");
        assertThat(reply.json().at("/ResponseMetadata/Action").asString()).isEqualTo(action.name);
        assertThat(SCHEMAS.validate("volcengine/error.json", reply.body())).isEmpty();
    }

    @Test
    void appWithANullStreamIsRefusedLikeAppAlone() {
        TestEmulator.Reply reply = call(Action.TRANSCODE, withNull(Action.TRANSCODE, List.of("Stream")));

        assertServiceError(reply, 400, "InvalidParam");
    }

    /** A request class as a client might write it; Jackson's defaults write its unset fields as null. */
    record TranscodeRequest(@JsonProperty("DomainList") List<String> domainList,
            @JsonProperty("StartTime") String startTime, @JsonProperty("EndTime") String endTime,
            @JsonProperty("Aggregation") Integer aggregation, @JsonProperty("App") String app,
            @JsonProperty("Stream") String stream, @JsonProperty("TranscodeType") List<String> transcodeType,
            @JsonProperty("Resolution") List<String> resolution) {
    }

    @Test
    void aClientOnJacksonDefaultsIsAnsweredLikeOneThatLeavesUnsetFieldsOut() {
        String jacksonDefaults = JSON.writeValueAsString(new TranscodeRequest(null, "2026-11-15T00:00:00+08:00",
                "2026-11-18T00:00:00+08:00", null, null, null, null, null));
        assertThat(jacksonDefaults).contains("\"Aggregation\":null", "\"App\":null");

        TestEmulator.Reply reply = emulator.volcengine(Action.TRANSCODE.name, Action.TRANSCODE.version,
                Action.TRANSCODE.service, TestEmulator.VOLC_AK, jacksonDefaults);
        TestEmulator.Reply leftOut = call(Action.TRANSCODE,
                JSON.readTree("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"}"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("Result")).isEqualTo(leftOut.json().get("Result"));
    }

    // --- the published request schemas say the same

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optionalFields")
    void theRequestSchemaAllowsANullOptionalField(Action action, List<String> fields) {
        assertThat(SCHEMAS.validate(action.schemaPath(), withNull(action, fields))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requiredFields")
    void theRequestSchemaRefusesANullRequiredField(Action action, String field) {
        assertThat(SCHEMAS.validate(action.schemaPath(), withNull(action, List.of(field)))).isNotEmpty();
    }

    @Test
    void theRequestSchemaRefusesAppWithANullStreamAndTheReverse() {
        assertThat(SCHEMAS.validate(Action.TRANSCODE.schemaPath(), withNull(Action.TRANSCODE, List.of("Stream"))))
                .isNotEmpty();
        assertThat(SCHEMAS.validate(Action.TRANSCODE.schemaPath(), withNull(Action.TRANSCODE, List.of("App"))))
                .isNotEmpty();
    }
}
