package dev.usagekit.emulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.throttle.Bucket4jRateLimiter;
import dev.usagekit.emulator.time.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefusalLogTest {

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"),
            ZoneOffset.UTC));
    private final Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(clock);
    private final RefusalLog refusals = new RefusalLog(limiter);
    private final Logger log = (Logger) LoggerFactory.getLogger("refusal-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private int calls;

    @BeforeEach
    void capture() {
        clock.startAt(Instant.parse("2026-11-20T12:00:00Z"), true);
        log.setLevel(Level.DEBUG);
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void release() {
        log.detachAppender(lines);
    }

    /** The levels the given number of refusals of the account were logged at, one letter each (I or D). */
    private String refuse(String account, int times) {
        lines.list.clear();
        for (int i = 0; i < times; i++) {
            calls++;
            CallTrace trace = new CallTrace().note("account", account).note("requestId", "R" + calls);
            refusals.refused(log, trace, "Request {}: signature mismatch for {}", trace.get("requestId"), account);
        }
        return String.join("", lines.list.stream().map(e -> e.getLevel() == Level.INFO ? "I" : "D").toList());
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theFirstFiveOfAMinuteAreInfoThenOneNoticeAndTheRestDebug() {
        assertThat(refuse("2100000001", 8)).isEqualTo("IIIII" + "I" + "DDD");
        assertThat(messages().get(4)).isEqualTo("Request R5: signature mismatch for 2100000001");
        assertThat(messages().get(5)).isEqualTo("Request R6: more than 5 signature refusals of account 2100000001"
                + " within a minute of the emulator clock: the next ones go to DEBUG until the clock has moved on or"
                + " the emulator is reset; the journal explains each");
        assertThat(messages().subList(6, 9)).containsExactly("Request R6: signature mismatch for 2100000001",
                "Request R7: signature mismatch for 2100000001", "Request R8: signature mismatch for 2100000001");
    }

    @Test
    void eachAccountHasItsOwnBudget() {
        refuse("2100000001", 6);
        assertThat(refuse("2100000002", 5)).isEqualTo("IIIII");
        assertThat(refuse("2100000001", 1)).isEqualTo("D");
    }

    @Test
    void theBudgetComesBackAsTheEmulatorClockMovesOn() {
        refuse("2100000001", 7);
        clock.advance(Duration.ofSeconds(59));
        assertThat(refuse("2100000001", 2)).isEqualTo("DD");
        clock.advance(Duration.ofSeconds(1)); // the minute is over: five more at INFO, then one notice again
        assertThat(refuse("2100000001", 7)).isEqualTo("IIIII" + "ID" + "D");
    }

    @Test
    void aResetGivesTheBudgetBack() {
        refuse("2100000001", 6);
        limiter.clear(); // what the control plane's reset does
        assertThat(refuse("2100000001", 6)).isEqualTo("IIIII" + "ID");
    }

    @Test
    void atInfoTheLogHoldsFiveRefusalsAMinuteAndTheNotice() {
        log.setLevel(Level.INFO);
        assertThat(refuse("2100000001", 7)).isEqualTo("IIIII" + "I");
    }
}
