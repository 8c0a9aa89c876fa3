package dev.usagekit.emulator.fuzz;

import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.it.TestEmulator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/** The fuzzer's calls of both vendors, signed for the strict emulator at {@link TestEmulator#NOW}. */
abstract class FuzzedCalls {

    final TestEmulator emulator = TestEmulator.strictNow();
    final RawHttp http = new RawHttp("127.0.0.1", emulator.port(), 10_000);
    final FuzzRequests requests = new FuzzRequests(TestEmulator.VOLC_AK, "testsecretkey", TestEmulator.NOW,
            http.hostHeader());
    final FuzzRequests aliyunRequests = new FuzzRequests(TestEmulator.ALIYUN_AK, "testsecret", TestEmulator.NOW,
            http.hostHeader());

    @Provide
    Arbitrary<VolcengineCase> volcengine() {
        return FuzzInputs.volcengine();
    }

    @Provide
    Arbitrary<AliyunCase> aliyun() {
        return FuzzInputs.aliyun();
    }
}
