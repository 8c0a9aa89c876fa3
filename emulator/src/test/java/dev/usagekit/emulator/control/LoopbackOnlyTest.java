package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

class LoopbackOnlyTest {

    @Test
    void loopbackCallersAreRecognised() {
        assertThat(ControlConfiguration.fromLoopback(MockServerRequest.builder()
                .remoteAddress(new InetSocketAddress("127.0.0.1", 5000)).build())).isTrue();
        assertThat(ControlConfiguration.fromLoopback(MockServerRequest.builder()
                .remoteAddress(new InetSocketAddress("::1", 5000)).build())).isTrue();
    }

    @Test
    void otherCallersAreNot() {
        assertThat(ControlConfiguration.fromLoopback(MockServerRequest.builder()
                .remoteAddress(new InetSocketAddress("203.0.113.7", 5000)).build())).isFalse();
        assertThat(ControlConfiguration.fromLoopback(MockServerRequest.builder().build())).isFalse();
    }
}
