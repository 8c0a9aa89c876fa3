package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.core.WireTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in each vendor's style, unique per call. */
public final class RequestIds {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Clock clock;

    public RequestIds(Clock clock) {
        this.clock = clock;
    }

    /** Beijing-time stamp then 18 random hex digits, like 20240101080000A1B2C3D4E5F6A7B8C9. */
    public String volcengine() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return WireTime.formatDigits(clock.instant().getEpochSecond(), BEIJING)
                + HEX.toHexDigits((byte) r.nextInt(256)) + HEX.toHexDigits(r.nextLong());
    }

    /** An upper-case UUID, like C370DAF1-C838-4288-A1A0-9A87633D248E. */
    public String aliyun() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString().toUpperCase(Locale.ROOT);
    }
}
