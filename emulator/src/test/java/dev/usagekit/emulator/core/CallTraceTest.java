package dev.usagekit.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallTraceTest {

    @Test
    void aNoteOfFieldsKeepsTheOrderGiven() {
        CallTrace trace = new CallTrace().noteFields("buckets", "total", 3, "served", 2, "withheldByDataDelay", 1,
                "servedUntil", "2026-11-20T11:50:00Z");

        Map<?, ?> buckets = (Map<?, ?>) trace.get("buckets");
        assertThat(buckets.keySet().stream().map(String::valueOf)).containsExactly("total", "served",
                "withheldByDataDelay", "servedUntil");
        assertThat(buckets.get("served")).isEqualTo(2);
    }

    @Test
    void aNameWithoutAValueIsRefused() {
        assertThatThrownBy(() -> new CallTrace().noteFields("fault", "id", 7, "code"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
