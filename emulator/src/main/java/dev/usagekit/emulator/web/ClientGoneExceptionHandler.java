package dev.usagekit.emulator.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * A control-plane or actuator request whose connection closed before its answer: the client hung up, or the
 * connection guard already answered it (408 to a body dribbled past the request timeout) and closed it. There is no
 * one left to answer, and nothing went wrong here; WebFlux would log it as a 500 with a stack trace, as the answer
 * was never begun.
 */
public final class ClientGoneExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ClientGoneExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof AbortedException)) {
            return Mono.error(ex);
        }
        log.debug("{} {}: the connection closed before the answer ({})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex.toString());
        return Mono.empty();
    }

    /** Ahead of Spring Boot's error handler, which would render an error page no one can receive. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
