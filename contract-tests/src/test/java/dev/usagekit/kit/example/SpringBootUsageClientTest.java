package dev.usagekit.kit.example;

import static dev.usagekit.kit.UsageAssertions.assertLastCallSent;
import static dev.usagekit.kit.UsageAssertions.assertSentCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usagekit.kit.EmulatorControl;
import dev.usagekit.kit.UsageEmulator;
import dev.usagekit.kit.UsageEmulatorTest;
import dev.usagekit.kit.example.UsageClientTest.UsageClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = SpringBootUsageClientTest.ClientConfiguration.class)
@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, signatureMode = "off")
class SpringBootUsageClientTest {

    /** Stands for your application's configuration: the client is made from its own properties. */
    @Configuration
    static class ClientConfiguration {
        @Bean
        UsageClient usageClient(@Value("${usage.base-url}") String baseUrl, @Value("${usage.access-key}") String key) {
            return new UsageClient(baseUrl, key, 3);
        }
    }

    static UsageEmulator emulator;

    /** Runs before Spring makes the context (with the first test instance), so the properties below can read it. */
    @BeforeAll
    static void keep(UsageEmulator started) {
        emulator = started;
    }

    @DynamicPropertySource
    static void pointTheClientAtTheEmulator(DynamicPropertyRegistry registry) {
        registry.add("usage.base-url", () -> emulator.baseUrl());
        registry.add("usage.access-key", () -> emulator.volcAccessKey());
    }

    @Autowired
    UsageClient client;

    @Test
    void theApplicationsClientCallsTheEmulator(EmulatorControl control) throws Exception {
        HttpResponse<String> response = client.call("live", UsageClientTest.TRANSCODE, "2023-01-01",
                UsageClientTest.TRANSCODE_BODY);

        assertEquals(200, response.statusCode(), response.body());
        assertSentCalls(control, UsageClientTest.TRANSCODE, 1);
        assertLastCallSent(control, UsageClientTest.TRANSCODE, "Aggregation", "86400");
    }
}
