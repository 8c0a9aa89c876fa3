package dev.usagekit.emulator.web;

import io.netty.handler.codec.DateFormatter;
import java.time.Clock;
import java.util.Date;

/**
 * The {@code Date} header of API answers (RFC 9110, 6.6.1), in the virtual clock's time: a client that corrects its
 * clock skew from it lands on the time the signature window is checked against. Written once a second, as answers
 * in the same second share it.
 */
final class ResponseDate {

    private record Stamp(long epochSecond, String text) {
    }

    private final Clock clock;
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    ResponseDate(Clock clock) {
        this.clock = clock;
    }

    /** The current second as an IMF-fixdate, e.g. {@code Wed, 02 Dec 2026 06:45:00 GMT}. */
    String now() {
        long second = Math.floorDiv(clock.millis(), 1000L);
        Stamp stamp = last;
        if (stamp.epochSecond() != second) {
            stamp = new Stamp(second, DateFormatter.format(new Date(second * 1000L)));
            last = stamp;
        }
        return stamp.text();
    }
}
