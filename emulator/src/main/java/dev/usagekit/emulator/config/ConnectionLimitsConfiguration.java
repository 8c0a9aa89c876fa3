package dev.usagekit.emulator.config;

import dev.usagekit.emulator.web.ApiEntry;
import dev.usagekit.emulator.web.ConnectionGuard;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits below the routes, on every connection of the API port: oversize request lines and headers (sizes set by
 * {@code server.netty.max-initial-line-length} and {@code server.max-http-request-header-size}), unparseable requests
 * and clients too slow to send a request within {@code emulator.request-timeout} get a vendor error and a closed
 * connection.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionLimitsConfiguration {

    @Bean
    NettyServerCustomizer connectionGuard(ApiEntry entry, EmulatorProperties props) {
        return server -> server.doOnChannelInit((observer, channel, remote) ->
                ConnectionGuard.install(channel, entry::refuse, props.getRequestTimeout()));
    }
}
