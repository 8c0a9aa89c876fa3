package dev.usagekit.emulator.control;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.CatalogueFactory;
import dev.usagekit.emulator.catalogue.CatalogueLoader;
import dev.usagekit.emulator.config.RateLimits;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.throttle.RateLimiter;
import dev.usagekit.emulator.time.InstantText;
import dev.usagekit.emulator.usage.Anomaly;
import dev.usagekit.emulator.usage.Settling;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Pact provider states by name, for a verifier's state-change URL: each known form of state text is set up with the
 * control plane's own operations, so a pact verifies against the emulator without code on the provider side.
 *
 * <p>Every interaction starts from the emulator as it was started: the first state asked for after API calls were
 * served (so, the first state of the next interaction) resets it first, and so does a teardown. The states of one
 * interaction add up.
 */
final class ProviderStates {

    /** Where the scenario catalogues of usagekit-fixtures lie on the class path. */
    static final String SCENARIOS = "usagekit/fixtures/scenarios/";

    /** One form of state text: an example of it, its pattern, and how it is set up. */
    private record Form(String example, Pattern pattern, BiConsumer<ProviderStates, Matcher> setUp) {

        Form(String example, String regex, BiConsumer<ProviderStates, Matcher> setUp) {
            this(example, Pattern.compile(regex), setUp);
        }
    }

    private static final List<Form> FORMS = List.of(
            new Form("clock is 2026-11-20T12:00:00Z", "clock is (\\S+)", (s, m) -> s.clockIs(m.group(1))),
            new Form("scenario outage-and-spike", "scenario ([\\w.-]+)(?: is loaded)?",
                    (s, m) -> s.scenario(m.group(1))),
            new Form("account demo has group001", "account (\\S+) has .+", (s, m) -> s.account(m.group(1))),
            new Form("group001 is out from 2026-11-19T02:00:00Z to 2026-11-19T04:00:00Z",
                    "(\\S+) is out from (\\S+) to (\\S+)", (s, m) -> s.anomaly(m.group(1), "0", m.group(2), m.group(3))),
            new Form("example.com is at 3x from 2026-11-19T20:00:00+08:00 to 23:00:00+08:00",
                    "(\\S+) is at (\\S+?)x from (\\S+) to (\\S+)",
                    (s, m) -> s.anomaly(m.group(1), m.group(2), m.group(3), m.group(4))),
            new Form("DescribeLiveTranscodeData is throttled for account demo", "(\\w+) is throttled for account (\\S+)",
                    (s, m) -> s.throttled(m.group(1), m.group(2))),
            new Form("data of account demo arrives late over PT6H from 40%",
                    "data of account (\\S+) arrives late over (\\S+?)(?: from (\\S+?)%)?",
                    (s, m) -> s.lateData(m.group(1), m.group(2), m.group(3))));

    /**
     * The limit a throttled state sets: a one-second window, so the vendor's Retry-After is 1. The documented 100/min
     * of transcode data would answer Retry-After: 60, and clients that honour it (Pact JVM's among them) would wait
     * that long before their retry, which is throttled again with the clock frozen.
     */
    private static final String THROTTLED_LIMIT = "1/s";

    private static final ZoneOffset DEFAULT_LOCAL_OFFSET = ZoneOffset.ofHours(8);

    /** The midnights a state-change answer names, by how many days before today. */
    private static final Map<String, Integer> DAYS_BACK = daysBack();

    private static Map<String, Integer> daysBack() {
        Map<String, Integer> days = new LinkedHashMap<>();
        days.put("today", 0);
        days.put("yesterday", 1);
        days.put("twoDaysAgo", 2);
        days.put("sevenDaysAgo", 7);
        days.put("thirtyDaysAgo", 30);
        return Collections.unmodifiableMap(days);
    }

    private final EmulatorState state;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ActionRegistry registry;
    private final RequestJournal journal;
    private final Runnable reset;
    private final Consumer<Instant> freezeClockAt;
    private final Supplier<Instant> now;
    /** The newest journaled call when the last state was set up; -1 before the first. */
    private long lastCallAtLastState = -1;
    /** The offset a state of the interaction gave, for the answers of its later states that give none; or null. */
    private ZoneOffset interactionOffset;
    /** The longest data delay of the actions: the answered days are whole days every action serves. */
    private final Duration longestDataDelay;

    /**
     * @param reset back to the emulator as it started
     * @param freezeClockAt the control plane's clock move: frozen at exactly that instant
     * @param now the virtual clock's reading
     */
    ProviderStates(EmulatorState state, RateLimiter limiter, RateLimits limits, ActionRegistry registry,
            RequestJournal journal, Runnable reset, Consumer<Instant> freezeClockAt, Supplier<Instant> now) {
        this.state = state;
        this.limiter = limiter;
        this.limits = limits;
        this.registry = registry;
        this.journal = journal;
        this.reset = reset;
        this.freezeClockAt = freezeClockAt;
        this.now = now;
        this.longestDataDelay = registry.all().stream().map(h -> h.spec().dataDelay()).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /**
     * Back to the emulator as it started, ending the interaction (a teardown, or a reset through the control plane):
     * the next setup starts a new one, answering {@code "reset":true} and forgetting the offset the ended one gave,
     * though no API call came in between. One lock, so a setup cannot fall between the reset and the end.
     */
    synchronized void resetAndEndInteraction() {
        reset.run();
        lastCallAtLastState = -1;
        interactionOffset = null;
    }

    /** The examples of every form a state may take, one per line. */
    static String forms() {
        return FORMS.stream().map(Form::example).collect(Collectors.joining("\n"));
    }

    /**
     * Sets up one state ({@code action} "setup", the default) or tears the interaction down ("teardown").
     *
     * @param text the state's name; blank only resets when the interaction is a new one (a verifier's call for an
     *     interaction without states)
     * @param offset the state's {@code offset} parameter (e.g. {@code +05:45}) for the local times of the answer, or
     *     null for the offset an earlier state of the interaction gave, else +08:00 (verifiers merge the answers of an
     *     interaction's states, the last one winning)
     * @return what was done, and after a setup the times around the clock ({@link #timesAround}), as the
     *     state-change answer's JSON
     * @throws ControlApi.BadRequest for an unknown form or a state the catalogue cannot hold
     */
    synchronized Map<String, Object> apply(String text, String action, String offset) {
        String name = text == null ? "" : text.strip();
        String step = action == null || action.isBlank() ? "setup" : action.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("state", name);
        done.put("action", step);
        switch (step) {
            case "teardown" -> {
                resetAndEndInteraction();
                done.put("reset", true);
                return done;
            }
            case "setup" -> {
                boolean newInteraction = journal.lastId() != lastCallAtLastState;
                if (newInteraction) {
                    reset.run();
                    interactionOffset = null;
                }
                done.put("reset", newInteraction);
                if (offset != null && !offset.isBlank()) {
                    interactionOffset = localOffset(offset);
                }
                if (!name.isEmpty()) {
                    setUp(name);
                }
                done.putAll(timesAround(now.get(), interactionOffset == null ? DEFAULT_LOCAL_OFFSET : interactionOffset,
                        longestDataDelay));
            }
            default -> throw new ControlApi.BadRequest("action must be setup or teardown: " + action);
        }
        lastCallAtLastState = journal.lastId();
        return done;
    }

    /** The offset of the answer's local times, from a state's {@code offset} parameter. */
    private static ZoneOffset localOffset(String offset) {
        try {
            return ZoneOffset.of(offset.strip());
        } catch (DateTimeException e) {
            throw new ControlApi.BadRequest("the offset parameter must be an offset such as +08:00: " + offset);
        }
    }

    /**
     * Times around the clock, for a pact's provider-state generators ({@code ${yesterday}}): Pact JVM and the Rust
     * verifier take the JSON answer of a state change as the values a request's expressions are filled from, so a
     * pact asks for "yesterday" and verifies at any clock. {@code now} and the {@code ...Utc} midnights in the Aliyun
     * form ({@code 2026-11-20T00:00:00Z}); the others local midnights in the Volcengine form with the offset. The days
     * are counted back from {@code now} less {@code dataDelay}, so from yesterday to today is a day already served:
     * at 00:10 the day that just ended is still held back for a quarter of an hour (RTC's for eight).
     */
    static Map<String, Object> timesAround(Instant now, ZoneOffset offset, Duration dataDelay) {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("now", WireTime.formatAliyunUtc(now));
        times.put("nowLocal", WireTime.formatRfc3339(now, offset));
        Instant served = now.minus(dataDelay);
        LocalDate localToday = served.atOffset(offset).toLocalDate();
        LocalDate utcToday = served.atOffset(ZoneOffset.UTC).toLocalDate();
        for (Map.Entry<String, Integer> day : DAYS_BACK.entrySet()) {
            Instant local = localToday.minusDays(day.getValue()).atStartOfDay(offset).toInstant();
            times.put(day.getKey(), WireTime.formatRfc3339(local, offset));
        }
        for (Map.Entry<String, Integer> day : DAYS_BACK.entrySet()) {
            Instant utc = utcToday.minusDays(day.getValue()).atStartOfDay(ZoneOffset.UTC).toInstant();
            times.put(day.getKey() + "Utc", WireTime.formatAliyunUtc(utc));
        }
        return times;
    }

    private void setUp(String text) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            if (m.matches()) {
                form.setUp().accept(this, m);
                return;
            }
        }
        throw new ControlApi.BadRequest("unknown provider state \"" + text + "\"; known forms, e.g.:\n" + forms());
    }

    private void clockIs(String instant) {
        freezeClockAt.accept(instant(instant));
    }

    private void scenario(String name) {
        InputStream in = ProviderStates.class.getClassLoader().getResourceAsStream(SCENARIOS + name + ".yaml");
        if (in == null) {
            throw new ControlApi.BadRequest("no scenario catalogue " + SCENARIOS + name + ".yaml");
        }
        try {
            state.replaceFixtures(CatalogueLoader.read(in, "scenario " + name)); // reads and closes it
        } catch (CatalogueFactory.InvalidCredentialsException e) { // the scenario gives an account a key of the setting
            throw new ControlApi.BadRequest(e.getMessage());
        }
    }

    private Account account(String nameOrId) {
        return ControlApi.catalogueAccount(state.catalogue(), nameOrId);
    }

    /** Adds the anomaly to every catalogue account's resource of that name. */
    private void anomaly(String resource, String factor, String from, String to) {
        Instant start = instant(from);
        Anomaly anomaly;
        try {
            anomaly = new Anomaly(start, endOf(to, start), Double.parseDouble(factor));
        } catch (IllegalArgumentException e) {
            throw new ControlApi.BadRequest(e.getMessage());
        }
        changeFixtures(account -> account.withAnomaly(resource, anomaly),
                "no app, domain, group or producer instance " + resource + " in the catalogue");
    }

    /**
     * Replaces the fixture accounts with what {@code change} makes of each (empty: left as it is), or refuses with
     * {@code noneChanged} when it changed none.
     */
    private void changeFixtures(Function<Account, Optional<Account>> change, String noneChanged) {
        List<Account> accounts = new ArrayList<>();
        boolean found = false;
        for (Account account : state.fixtureAccounts()) {
            Optional<Account> changed = change.apply(account);
            found |= changed.isPresent();
            accounts.add(changed.orElse(account));
        }
        if (!found) {
            throw new ControlApi.BadRequest(noneChanged);
        }
        state.replaceFixtures(accounts);
    }

    /** The end of a range: an instant, or a time of day with its offset, on the start's date at that offset. */
    private static Instant endOf(String text, Instant start) {
        return InstantText.parse(text).orElseGet(() -> {
            try {
                OffsetTime time = OffsetTime.parse(text);
                ZoneOffset offset = time.getOffset();
                return time.atDate(start.atOffset(offset).toLocalDate()).toInstant();
            } catch (DateTimeParseException e) {
                throw new ControlApi.BadRequest("not an instant or a time of day: " + text);
            }
        });
    }

    /** Makes the account's data arrive late ({@link Settling}): a share at first, the whole of it after the period. */
    private void lateData(String accountName, String period, String firstPercent) {
        Account account = account(accountName);
        Settling settling;
        try {
            settling = Settling.of(Duration.parse(period),
                    firstPercent == null ? null : Double.parseDouble(firstPercent) / 100);
        } catch (DateTimeParseException e) {
            throw new ControlApi.BadRequest("not an ISO-8601 duration (e.g. PT6H): " + period);
        } catch (IllegalArgumentException e) {
            throw new ControlApi.BadRequest(e.getMessage());
        }
        changeFixtures(fixture -> fixture.accountId().equals(account.accountId())
                        ? Optional.of(fixture.withSettling(settling)) : Optional.empty(),
                "account " + accountName + " comes from " + CatalogueFactory.CREDENTIALS_SETTING + ", not the"
                        + " catalogue: give it a settling in a fixture file");
    }

    /**
     * Limits the account's calls of the action to {@value #THROTTLED_LIMIT} with throttling on (other accounts keep
     * their limits), and spends the account's call: its next call is throttled until the second turns, which with the
     * clock frozen is never.
     */
    private void throttled(String named, String accountName) {
        String action = ControlApi.actionNamed(registry, named);
        Account account = account(accountName);
        limits.setEnabled(true);
        limits.override(account.accountId(), action, THROTTLED_LIMIT);
        for (ActionHandler<?> handler : registry.all()) {
            if (handler.spec().action().equals(action)) {
                RateLimit limit = limits.limitFor(handler, account.accountId());
                while (limiter.tryAcquire(account.accountId(), handler.spec().key(), limit).admitted()) {
                    // spend what the bucket holds
                }
            }
        }
    }

    private static Instant instant(String text) {
        return ControlApi.instant(text, "\"" + text + "\"");
    }
}
