package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.it.TestEmulator;
import dev.usagekit.emulator.schema.SchemaCatalog;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Whatever a client sends to either gateway, in strict signature mode with most inputs correctly signed (so they reach
 * binding, rules and handlers), the answer is never a 5xx and its body validates against the vendor's schema, and the
 * emulator still answers health afterwards. The long run of the same inputs is {@link GatewayFuzzLongRunTest}.
 */
class GatewayFuzzProperties extends FuzzedCalls {

    private final FuzzOracle oracle = new FuzzOracle(emulator.context().getBean(SchemaCatalog.class));

    @Property(tries = 500)
    void volcengineAnswersAreSchemaValidAndNever5xx(@ForAll("volcengine") VolcengineCase c) throws IOException {
        RawHttp.Response r = http.send(requests.volcengine(c));
        assertThat(oracle.problem(r)).as("%s", c).isNull();
    }

    @Property(tries = 500)
    void aliyunAnswersAreSchemaValidAndNever5xx(@ForAll("aliyun") AliyunCase c) throws IOException {
        RawHttp.Response r = http.send(aliyunRequests.aliyun(c));
        assertThat(oracle.problem(r)).as("%s", c).isNull();
    }

    @AfterProperty
    void stillHealthy() {
        http.close();
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
    }
}
