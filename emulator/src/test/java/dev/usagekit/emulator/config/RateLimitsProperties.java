package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.core.Vendor;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Which limit a call gets: the account's own, else the action's override, else the documented one; off is none. */
class RateLimitsProperties {

    static final List<String> ACCOUNTS = List.of("2100000001", "2100000002", "2100000003");
    static final List<String> SPECS = List.of("1/s", "10/s", "5/min", "600/min", "off");
    static final Map<String, ActionHandler<?>> HANDLERS = Map.of(
            "ListOperationDistribution", handler("ListOperationDistribution", RateLimit.perSecond(2)),
            "DescribeLiveTranscodeData", handler("DescribeLiveTranscodeData", RateLimit.perMinute(100)));

    /** One override: for every account when {@code account} is null. */
    record Step(String account, String action, String spec) {
    }

    @Property
    void theAccountsOwnLimitWinsThenTheActionsThenTheDocumentedOne(@ForAll("steps") List<Step> steps,
            @ForAll boolean enabled) {
        RateLimits limits = new RateLimits(enabled);
        Map<String, String> byAction = new HashMap<>();
        Map<String, String> byAccountAndAction = new HashMap<>();
        for (Step step : steps) {
            if (step.account() == null) {
                limits.override(step.action(), step.spec());
                byAction.put(step.action(), step.spec());
            } else {
                limits.override(step.account(), step.action(), step.spec());
                byAccountAndAction.put(step.account() + "/" + step.action(), step.spec());
            }
        }
        for (ActionHandler<?> handler : HANDLERS.values()) {
            String action = handler.spec().action();
            for (String account : Arrays.asList(null, "2100000001", "2100000002", "2100000003", "unknown")) {
                String given = account == null ? null : byAccountAndAction.get(account + "/" + action);
                if (given == null) {
                    given = byAction.get(action);
                }
                RateLimit expected = !enabled || "off".equals(given) ? null
                        : given == null ? handler.spec().rateLimit() : parse(given);
                assertThat(limits.limitFor(handler, account)).as("%s for %s", action, account).isEqualTo(expected);
            }
        }
        limits.clearOverrides();
        assertThat(limits.accountOverrides()).isEmpty();
        for (ActionHandler<?> handler : HANDLERS.values()) {
            assertThat(limits.limitFor(handler, "2100000001"))
                    .isEqualTo(enabled ? handler.spec().rateLimit() : null);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> account = Arbitraries.of(ACCOUNTS).injectNull(0.4);
        return Combinators.combine(account, Arbitraries.of(HANDLERS.keySet()), Arbitraries.of(SPECS))
                .as(Step::new).list().ofMaxSize(12);
    }

    private static RateLimit parse(String spec) {
        int permits = Integer.parseInt(spec.substring(0, spec.indexOf('/')));
        return spec.endsWith("/s") ? RateLimit.perSecond(permits) : RateLimit.perMinute(permits);
    }

    private static ActionHandler<?> handler(String action, RateLimit documented) {
        ActionHandler<?> handler = mock(ActionHandler.class);
        when(handler.spec()).thenReturn(new ActionSpec(Vendor.VOLCENGINE, action, "2020-12-01", "rtc", documented,
                Duration.ofDays(30), Map.of(Duration.ofDays(1), Duration.ofDays(31)), Duration.ofDays(1),
                Duration.ZERO));
        return handler;
    }
}
