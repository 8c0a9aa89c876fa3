package dev.usagekit.emulator.config;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.live.LiveErrors;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.actions.rtc.RtcErrors;
import dev.usagekit.emulator.catalogue.CatalogueFactory;
import dev.usagekit.emulator.catalogue.CatalogueLoader;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.CallRunner;
import dev.usagekit.emulator.gateway.RequestIds;
import dev.usagekit.emulator.gateway.aliyun.AliyunAuthenticator;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.gateway.aliyun.NonceRegistry;
import dev.usagekit.emulator.gateway.volcengine.VolcengineAuthenticator;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import dev.usagekit.emulator.pipeline.FaultPlan;
import dev.usagekit.emulator.pipeline.Pipeline;
import dev.usagekit.emulator.schema.RequestSchemaCheck;
import dev.usagekit.emulator.schema.ResponseSelfCheck;
import dev.usagekit.emulator.schema.SchemaCatalog;
import dev.usagekit.emulator.throttle.Bucket4jRateLimiter;
import dev.usagekit.emulator.throttle.RateLimiter;
import dev.usagekit.emulator.time.EmulatorClock;
import dev.usagekit.emulator.web.ApiEntry;
import dev.usagekit.emulator.web.CallObserver;
import dev.usagekit.emulator.web.VendorDetector;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Wires the request path: entry → gateway → pipeline → action handler → usage model. */
@Configuration(proxyBeanMethods = false)
public class EmulatorConfiguration {

    @Bean
    EmulatorClock emulatorClock(EmulatorProperties props) {
        EmulatorClock clock = EmulatorClock.systemUtc();
        if (props.getClock().isFrozen()) {
            clock.freeze(); // first, so the fixed start below is taken exactly
        }
        if (props.getClock().getFixed() != null) {
            clock.set(props.getClock().getFixed());
        }
        return clock;
    }

    @Bean
    EmulatorState emulatorState(EmulatorProperties props, ResourceLoader resources) throws IOException {
        var fixture = resources.getResource(props.getFixtures());
        if (!fixture.exists()) {
            throw new IllegalStateException("emulator.fixtures not found: " + props.getFixtures());
        }
        return new EmulatorState(props.getSeed(), CatalogueLoader.read(fixture.getInputStream(), props.getFixtures()),
                CatalogueFactory.parseCredentials(props.getCredentials()));
    }

    @Bean
    ActionRegistry actionRegistry(EmulatorProperties props) {
        LiveErrors liveErrors = new LiveErrors();
        return new ActionRegistry(List.of(
                new ListOperationDistribution(new RtcErrors(props.getRtc().isQpsOverLimitCode())),
                new DescribeLivePullToPushBandwidthData(liveErrors),
                new DescribeLiveTranscodeData(liveErrors, props.getLive().getAudioResolution()),
                new DescribeLiveProducerUsageData()));
    }

    @Bean
    RateLimiter rateLimiter(EmulatorClock clock) {
        return new Bucket4jRateLimiter(clock);
    }

    @Bean
    RateLimits rateLimits(EmulatorProperties props) {
        return new RateLimits(props.getLimits().isEnabled(), props.getLimits().getOverrides());
    }

    /** Schemas compiled once at startup, never per request. */
    @Bean
    SchemaCatalog schemaCatalog(ActionRegistry registry) {
        return new SchemaCatalog(registry.all().stream().map(h -> h.spec()).toList());
    }

    @Bean
    CallRunner callRunner(RateLimiter limiter, RateLimits limits, EmulatorState state, EmulatorClock clock,
            SchemaCatalog schemas, ObjectProvider<FaultPlan> faults) {
        return new CallRunner(new Pipeline(limiter, limits::limitFor, new RequestSchemaCheck(schemas),
                faults.getIfAvailable(() -> FaultPlan.NONE)), state, clock);
    }

    /** Nonces of the last 15 minutes, at most 200,000 remembered. */
    @Bean
    NonceRegistry nonceRegistry(EmulatorClock clock) {
        return new NonceRegistry(clock, Duration.ofMinutes(15), 200_000);
    }

    @Bean
    ApiEntry apiEntry(EmulatorProperties props, ActionRegistry registry, CallRunner runner, EmulatorClock clock,
            NonceRegistry nonces, SchemaCatalog schemas, ObjectProvider<CallObserver> observer) {
        ResponseSelfCheck selfCheck = props.isSelfCheck() ? new ResponseSelfCheck(schemas) : null;
        RequestIds ids = new RequestIds(clock);
        Vendor fallback = Vendor.valueOf(props.getDefaultVendor().toUpperCase(Locale.ROOT));
        var volcengineAuth = new VolcengineAuthenticator(clock, props.getSignatureMode());
        var aliyunAuth = new AliyunAuthenticator(clock, props.getSignatureMode(), nonces,
                props.getAliyun().getAccessKeyNotFoundStatus(), props.getAliyun().getSignatureMismatchStatus());
        return new ApiEntry(new VendorDetector(registry, fallback),
                new VolcengineGateway(registry, runner, ids, volcengineAuth, selfCheck),
                new AliyunGateway(registry, runner, ids, aliyunAuth, selfCheck), props.getMaxBodySize().toBytes(),
                observer.getIfAvailable(() -> CallObserver.NONE));
    }
}
