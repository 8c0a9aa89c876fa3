package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ListOperationDistributionTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private TestEmulator.Reply call(String body) {
        return emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", TestEmulator.VOLC_AK, body);
    }

    private static String body(String appId, String start, String end, String indicator, String dimension) {
        return "{\"AppId\":\"" + appId + "\",\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                + "\",\"Indicator\":\"" + indicator + "\",\"Dimension\":\"" + dimension + "\"}";
    }

    /** The seed page's example, moved into the window. */
    private static final String EXAMPLE = body("Your_AppId", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00",
            "user_count", "province");

    @Test
    void seedExampleAnswersWithProvinceDistribution() {
        var r = call(EXAMPLE);
        assertThat(r.status()).isEqualTo(200);
        JsonNode result = r.json().get("Result");
        assertThat(result.get("Name").asString()).isEqualTo("user_num");
        assertThat(result.get("Dimension").asString()).isEqualTo("province");
        List<String> names = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : result.get("Data")) {
            names.add(item.get("DistributionName").asString());
            assertThat(item.get("Value").decimalValue().scale()).isEqualTo(2);
            assertThat(item.get("Proportion").decimalValue().scale()).isEqualTo(2);
            sum = sum.add(item.get("Proportion").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("100.00");
        assertThat(names).contains("上海", "北京", "广东", "香港", "澳门", "台湾").doesNotContain("中国", "美国");
    }

    @Test
    void countryDimensionListsCountriesAndEchoesTheCaseSent() {
        var r = call(body("Your_AppId", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00", "user_num", "Country"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode result = r.json().get("Result");
        assertThat(result.get("Dimension").asString()).isEqualTo("Country");
        assertThat(result.get("Data").get(0).get("DistributionName").asString()).isEqualTo("中国");
        assertThat(result.get("Data").size()).as("countries besides China").isGreaterThan(1);
    }

    /** Over two days a province counts at least its busier day's users and at most both days' together. */
    @Test
    void twoDaysCountBetweenTheBusierDayAndTheSum() {
        Map<String, BigDecimal> first = values(call(body("Your_AppId", "2026-11-17T00:00:00+08:00",
                "2026-11-18T00:00:00+08:00", "user_num", "province")));
        Map<String, BigDecimal> second = values(call(body("Your_AppId", "2026-11-18T00:00:00+08:00",
                "2026-11-19T00:00:00+08:00", "user_num", "province")));
        Map<String, BigDecimal> both = values(call(EXAMPLE));
        assertThat(both).isNotEmpty();
        both.forEach((province, users) -> {
            BigDecimal a = first.getOrDefault(province, BigDecimal.ZERO);
            BigDecimal b = second.getOrDefault(province, BigDecimal.ZERO);
            assertThat(users).as(province).isBetween(a.max(b), a.add(b));
        });
        assertThat(both.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isLessThan(
                first.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .add(second.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    private static Map<String, BigDecimal> values(TestEmulator.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        reply.json().at("/Result/Data").forEach(item -> values.put(item.get("DistributionName").asString(),
                item.get("Value").decimalValue()));
        return values;
    }

    @Test
    void chinaInCountryDimensionEqualsSumOfProvinces() {
        var provinces = call(EXAMPLE).json().at("/Result/Data");
        var countries = call(body("Your_AppId", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00", "user_num",
                "country")).json().at("/Result/Data");
        BigDecimal provinceSum = BigDecimal.ZERO;
        for (JsonNode p : provinces) {
            provinceSum = provinceSum.add(p.get("Value").decimalValue());
        }
        BigDecimal china = countries.get(0).get("Value").decimalValue();
        assertThat(china).isPositive().isEqualByComparingTo(provinceSum);
    }

    /** 2026-11-16 is an idle day of the classroom app: the range that takes it in still counts every user seen. */
    @Test
    void aRangeTakingInAnIdleDayCountsNoFewerUsers() {
        BigDecimal twoDays = classroomUsersInChina("2026-11-14T00:00:00+08:00", "2026-11-16T00:00:00+08:00");
        BigDecimal idleDay = classroomUsersInChina("2026-11-16T00:00:00+08:00", "2026-11-17T00:00:00+08:00");
        BigDecimal idleDayToo = classroomUsersInChina("2026-11-14T00:00:00+08:00", "2026-11-17T00:00:00+08:00");
        assertThat(idleDay).isLessThan(twoDays.movePointLeft(2));
        assertThat(idleDayToo).isGreaterThanOrEqualTo(twoDays);
    }

    private BigDecimal classroomUsersInChina(String start, String end) {
        var r = call(body("63a1f0c2b7d94e5f8a0b1c2d", start, end, "user_num", "country"));
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode item : r.json().at("/Result/Data")) {
            if (item.get("DistributionName").asString().equals("中国")) {
                return item.get("Value").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    @Test
    void rangeInsideTheEightHourDelayIsEmptyNotAnError() {
        // now is 2026-11-20T20:00+08:00; the day of the 20th ends after now - 8h
        var r = call(body("Your_AppId", "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", "user_num", "province"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/Result/Data").size()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "user_views, province, InvalidParameter",
        "user_num, city, InvalidParameter",
    })
    void unsupportedIndicatorOrDimension(String indicator, String dimension, String code) {
        assertServiceError(call(body("Your_AppId", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00", indicator,
                dimension)), 400, code);
    }

    @Test
    void startAfterEndIsRejected() {
        assertServiceError(call(body("Your_AppId", "2026-11-19T00:00:00+08:00", "2026-11-17T00:00:00+08:00", "user_num",
                "province")), 400, "InvalidParameter.StartTimeAfterEndTime");
    }

    @Test
    void moreThanSevenDaysIsOutOfTimeRange() {
        assertServiceError(call(body("Your_AppId", "2026-11-10T00:00:00+08:00", "2026-11-17T00:00:01+08:00", "user_num",
                "province")), 400, "InvalidParameter.OutofTimeRange");
    }

    @Test
    void exactlySevenDaysIsAccepted() {
        assertThat(call(body("Your_AppId", "2026-11-10T00:00:00+08:00", "2026-11-17T00:00:00+08:00", "user_num",
                "province")).status()).isEqualTo(200);
    }

    @Test
    void olderThanThirtyDaysIsOutOfTimeRange() {
        assertServiceError(call(body("Your_AppId", "2026-10-20T00:00:00+08:00", "2026-10-22T00:00:00+08:00", "user_num",
                "province")), 400, "InvalidParameter.OutofTimeRange");
    }

    @Test
    void theSameHoursInAnyOffsetGiveTheSameUsersAndTheSameDateElsewhereOthers() {
        // the 10th in -12:00 and the 11th in +12:00 are the same 24 hours
        JsonNode west = call(body("Your_AppId", "2026-11-10T00:00:00-12:00", "2026-11-11T00:00:00-12:00", "user_num",
                "province")).json().at("/Result/Data");
        JsonNode east = call(body("Your_AppId", "2026-11-11T00:00:00+12:00", "2026-11-12T00:00:00+12:00", "user_num",
                "province")).json().at("/Result/Data");
        assertThat(east).isEqualTo(west).isNotEmpty();
        JsonNode sameDateInUtc = call(body("Your_AppId", "2026-11-10T00:00:00Z", "2026-11-11T00:00:00Z", "user_num",
                "province")).json().at("/Result/Data");
        assertThat(sameDateInUtc).isNotEqualTo(west);
    }

    @Test
    void theEpochWrittenInANegativeOffsetIsOutOfTimeRangeNotMalformed() {
        // 1969 in local time: a real time, refused by the history window as the service does
        assertServiceError(call(body("Your_AppId", "1969-12-31T16:00:00-08:00", "1970-01-01T16:00:00-08:00", "user_num",
                "province")), 400, "InvalidParameter.OutofTimeRange");
    }

    @Test
    void appOfAnotherAccountIsForbidden() {
        assertServiceError(call(body("7e5d4c3b2a1908f7e6d5c4b3", "2026-11-17T00:00:00+08:00",
                "2026-11-19T00:00:00+08:00", "user_num", "province")), 403, "AccessDenied.NoPermissionForApp");
    }

    @Test
    void unknownAppIsNotExistAppId() {
        assertServiceError(call(body("no-such-app", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00", "user_num",
                "province")), 400, "InvalidParameter.NotExistAppId");
    }

    @Test
    void anEmptyOrBlankAppIdIsInvalidParameter() {
        for (String appId : new String[] {"", "  "}) {
            assertServiceError(call(body(appId, "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00", "user_num",
                    "province")), 400, "InvalidParameter");
        }
    }

    @Test
    void missingFieldIsInvalidParameter() {
        assertServiceError(call("{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-17T00:00:00+08:00\"}"), 400,
                "InvalidParameter");
    }

    @Test
    void malformedJsonIsUnmarshalError() {
        assertServiceError(call("{\"AppId\":"), 400, "InvalidParameter.Unmarshal");
    }

    @Test
    void wrongJsonTypeIsUnmarshalError() {
        assertServiceError(call("{\"AppId\":123,\"StartTime\":\"2026-11-17T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}"),
                400, "InvalidParameter.Unmarshal");
    }

    @Test
    void emptyBodyIsBodyIsEmpty() {
        assertServiceError(call(""), 400, "InvalidParameter.BodyIsEmpty");
    }

    @Test
    void timeWithoutOffsetIsInvalidParameter() {
        var r = call(body("Your_AppId", "2026-11-17T00:00:00", "2026-11-19T00:00:00+08:00", "user_num", "province"));
        assertServiceError(r, 400, "InvalidParameter");
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString()).isEqualTo("Invalid StartTime: must be an "
                + "RFC 3339 date-time with seconds and an offset, such as 2026-11-20T00:00:00+08:00");
    }
}
