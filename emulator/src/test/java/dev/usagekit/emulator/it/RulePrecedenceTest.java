package dev.usagekit.emulator.it;


import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request that breaks two window or resource rules gets the error of the first in the README's order: end after
 * start, span, history, then the resources named [I]. Aliyun's distinct codes show the order; the clock stands at
 * 2026-11-20T12:00Z.
 */
class RulePrecedenceTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "end before start and too old, 2026-08-01T00:00:00Z, 2026-07-31T00:00:00Z, , InvalidEndTime.Mismatch",
        "span too long and too old, 2026-07-01T00:00:00Z, 2026-08-05T00:00:00Z, , InvalidTimeSpan",
        "end before start and a foreign instance, 2026-11-19T00:00:00Z, 2026-11-18T00:00:00Z,"
                + " 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a, InvalidEndTime.Mismatch",
        "span too long and a foreign instance, 2026-10-01T00:00:00Z, 2026-11-19T00:00:00Z,"
                + " 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a, InvalidTimeSpan",
        "too old and a foreign instance, 2026-08-01T00:00:00Z, 2026-08-02T00:00:00Z,"
                + " 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a, InvalidTime.ValueNotSupported"})
    void aliyunAnswersTheFirstBrokenRule(String what, String start, String end, String instance, String code) {
        TestEmulator.Reply reply = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01"
                + "&Format=JSON&AccessKeyId=" + TestEmulator.ALIYUN_AK + "&StartTime=" + start + "&EndTime=" + end
                + (instance == null ? "" : "&Instance=" + instance));
        assertAliyunError(reply, 400, code, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unknown app and span too long, NoSuchApp, 2026-11-01T00:00:00+08:00, 2026-11-19T00:00:00+08:00,"
                + " InvalidParameter.OutofTimeRange",
        "foreign app and end before start, 7e5d4c3b2a1908f7e6d5c4b3, 2026-11-19T00:00:00+08:00,"
                + " 2026-11-18T00:00:00+08:00, InvalidParameter.StartTimeAfterEndTime",
        "unknown app alone, NoSuchApp, 2026-11-17T00:00:00+08:00, 2026-11-19T00:00:00+08:00,"
                + " InvalidParameter.NotExistAppId"})
    void rtcChecksTheWindowBeforeTheApp(String what, String app, String start, String end, String code) {
        TestEmulator.Reply reply = emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc",
                TestEmulator.VOLC_AK, "{\"AppId\":\"" + app + "\",\"StartTime\":\"" + start + "\",\"EndTime\":\""
                        + end + "\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}");
        assertServiceError(reply, 400, code);
    }
}
