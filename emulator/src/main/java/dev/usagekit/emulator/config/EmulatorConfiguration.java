package dev.usagekit.emulator.config;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.live.LiveErrors;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.actions.rtc.RtcErrors;
import dev.usagekit.emulator.catalogue.AccessKey;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.CatalogueFactory;
import dev.usagekit.emulator.catalogue.CatalogueLoader;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.CallRunner;
import dev.usagekit.emulator.gateway.RefusalLog;
import dev.usagekit.emulator.gateway.RequestClock;
import dev.usagekit.emulator.gateway.RequestIds;
import dev.usagekit.emulator.gateway.SigningTimeWindow;
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
import java.nio.file.InvalidPathException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/** Wires the request path: entry → gateway → pipeline → action handler → usage model. */
@Configuration(proxyBeanMethods = false)
public class EmulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmulatorConfiguration.class);
    private static final Duration MAX_SIGNATURE_WINDOW = Duration.ofDays(36_500);

    @Bean
    EmulatorClock emulatorClock(EmulatorProperties props) {
        EmulatorClock clock = EmulatorClock.systemUtc();
        try {
            clock.startAt(props.getClock().getFixed(), props.getClock().isFrozen());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("emulator.clock.fixed", e.getMessage());
        }
        return clock;
    }

    @Bean
    EmulatorState emulatorState(EmulatorProperties props, ResourceLoader resources) throws IOException {
        Resource fixture = fixtureFile(props.getFixtures(), resources);
        List<Account> accounts;
        try {
            accounts = CatalogueLoader.read(fixture.getInputStream(), props.getFixtures());
        } catch (CatalogueLoader.InvalidFixtureException e) {
            throw new InvalidSettingException(EmulatorProperties.FIXTURES_SETTING, e.getMessage());
        }
        try {
            List<AccessKey> credentials = CatalogueFactory.parseCredentials(props.getCredentials());
            return new EmulatorState(props.getSeed(), accounts, credentials);
        } catch (CatalogueFactory.InvalidCredentialsException e) {
            // the problem alone: the report names the setting before it, and the message would name it again
            throw new InvalidSettingException(CatalogueFactory.CREDENTIALS_SETTING, e.problem());
        }
    }

    /**
     * The catalogue file of emulator.fixtures: {@code classpath:} and {@code file:} (or any URL) look in that one
     * place; a value without a prefix is a file when there is one, else a class path resource.
     */
    private static Resource fixtureFile(String location, ResourceLoader resources) throws IOException {
        Resource fixture;
        if (ResourceUtils.isUrl(location)) {
            fixture = resources.getResource(location);
            if (!fixture.exists()) {
                throw new InvalidSettingException(EmulatorProperties.FIXTURES_SETTING, "not found: " + location);
            }
        } else {
            Resource file;
            try {
                file = new FileSystemResource(location);
            } catch (InvalidPathException e) {
                throw new InvalidSettingException(EmulatorProperties.FIXTURES_SETTING, "the path cannot be a file name"
                        + " in this JVM's file-name encoding " + System.getProperty("sun.jnu.encoding") + " (start it"
                        + " under a UTF-8 locale, such as LANG=C.UTF-8): " + location);
            }
            fixture = file.exists() ? file : resources.getResource(ResourceUtils.CLASSPATH_URL_PREFIX + location);
            if (!fixture.exists()) {
                throw new InvalidSettingException(EmulatorProperties.FIXTURES_SETTING, "not found: " + location
                        + " is neither a file (" + file.getFile().getAbsolutePath() + ") nor on the class path");
            }
        }
        if (fixture.isFile() && fixture.getFile().isDirectory()) {
            throw new InvalidSettingException(EmulatorProperties.FIXTURES_SETTING, "is a directory, not a catalogue"
                    + " file: " + location);
        }
        return fixture;
    }

    /** The audio-only label of the doc page, and of the current SDK. */
    private static final List<String> AUDIO_RESOLUTIONS = List.of("0", "0P");

    @Bean
    ActionRegistry actionRegistry(EmulatorProperties props) {
        String audioResolution = props.getLive().getAudioResolution();
        if (!AUDIO_RESOLUTIONS.contains(audioResolution)) {
            throw new InvalidSettingException("emulator.live.audio-resolution", "must be one of " + AUDIO_RESOLUTIONS
                    + ": " + audioResolution);
        }
        LiveErrors liveErrors = new LiveErrors();
        return new ActionRegistry(List.of(
                new ListOperationDistribution(new RtcErrors(props.getRtc().isQpsOverLimitCode())),
                new DescribeLivePullToPushBandwidthData(liveErrors),
                new DescribeLiveTranscodeData(liveErrors, audioResolution),
                new DescribeLiveProducerUsageData()));
    }

    @Bean
    RateLimiter rateLimiter(EmulatorClock clock) {
        return new Bucket4jRateLimiter(clock);
    }

    @Bean
    RateLimits rateLimits(EmulatorProperties props, ActionRegistry registry) {
        RateLimits limits = new RateLimits(props.getLimits().isEnabled());
        props.getLimits().getOverrides().forEach((name, limit) -> {
            String setting = "emulator.limits.overrides." + name;
            String action = registry.actionNamedIgnoringCase(name).orElseThrow(() -> new InvalidSettingException(
                    setting, "no action is named " + name + "; the actions are " + String.join(", ",
                            registry.all().stream().map(h -> h.spec().action()).toList())));
            try {
                limits.override(action, limit);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(setting, e.getMessage());
            }
        });
        return limits;
    }

    /** Schemas compiled once at startup, never per request. */
    @Bean
    SchemaCatalog schemaCatalog(ActionRegistry registry) {
        return new SchemaCatalog(registry.all().stream().map(h -> h.spec()).toList());
    }

    @Bean
    CallRunner callRunner(RateLimiter limiter, RateLimits limits, EmulatorState state, SchemaCatalog schemas,
            ObjectProvider<FaultPlan> faults, EmulatorProperties props) {
        return new CallRunner(new Pipeline(limiter, limits::limitFor, new RequestSchemaCheck(schemas),
                faults.getIfAvailable(() -> FaultPlan.NONE)), state,
                new RequestClock(props.getClock().isRequestHeader()));
    }

    /** Signature refusals at INFO a minute per account, from the emulator's rate limiter: reset gives them back. */
    @Bean
    RefusalLog refusalLog(RateLimiter limiter) {
        return new RefusalLog(limiter);
    }

    /** The window of signing times: a second at least, a hundred years at most (wider than any clock move). */
    @Bean
    SigningTimeWindow signingTimeWindow(EmulatorProperties props, RefusalLog refusals) {
        Duration window = props.getSignatureTimeWindow();
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0
                || window.compareTo(MAX_SIGNATURE_WINDOW) > 0) {
            throw new InvalidSettingException(SigningTimeWindow.SETTING, "must be from 1s to 36500d: " + window);
        }
        return new SigningTimeWindow(window, refusals);
    }

    /** Nonces of the signature time window (15 minutes by default), at most 200,000 remembered. */
    @Bean
    NonceRegistry nonceRegistry(SigningTimeWindow window) {
        return new NonceRegistry(window.duration(), 200_000);
    }

    /** Made at every start: a misspelt setting stops it here, before the port opens (see {@link UnknownSettings}). */
    @Bean
    ApiEntry apiEntry(EmulatorProperties props, ActionRegistry registry, CallRunner runner, EmulatorClock clock,
            SigningTimeWindow window, RefusalLog refusals, NonceRegistry nonces, SchemaCatalog schemas,
            ObjectProvider<CallObserver> observer, Environment environment) {
        UnknownSettings.requireKnown(environment).forEach(u -> log.warn("The environment variable for {} sets no"
                + " setting of the emulator; --help lists them", u.name()));
        ResponseSelfCheck selfCheck = props.isSelfCheck() ? new ResponseSelfCheck(schemas) : null;
        RequestIds ids = new RequestIds(clock);
        Vendor fallback = defaultVendor(props.getDefaultVendor());
        if (props.getMaxBodySize().toBytes() <= 0) {
            // in bytes, not DataSize's text, which writes its digits in the default locale's
            throw new InvalidSettingException(ApiEntry.MAX_BODY_SETTING,
                    "must be above 0: " + props.getMaxBodySize().toBytes() + "B");
        }
        EmulatorProperties.Aliyun aliyun = props.getAliyun();
        requireOneOf("emulator.aliyun.access-key-not-found-status", aliyun.getAccessKeyNotFoundStatus(), 400, 404);
        requireOneOf("emulator.aliyun.signature-mismatch-status", aliyun.getSignatureMismatchStatus(), 400, 403);
        var volcengineAuth = new VolcengineAuthenticator(props.getSignatureMode(), window, refusals);
        var aliyunAuth = new AliyunAuthenticator(props.getSignatureMode(), window, nonces,
                aliyun.getAccessKeyNotFoundStatus(), aliyun.getSignatureMismatchStatus(), refusals);
        return new ApiEntry(new VendorDetector(registry, fallback),
                new VolcengineGateway(registry, runner, ids, volcengineAuth, selfCheck, schemas::requestFields),
                new AliyunGateway(registry, runner, ids, aliyunAuth, selfCheck), props.getMaxBodySize().toBytes(),
                observer.getIfAvailable(() -> CallObserver.NONE), clock);
    }

    private static Vendor defaultVendor(String name) {
        try {
            return Vendor.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("emulator.default-vendor", "must be VOLCENGINE or ALIYUN: " + name);
        }
    }

    /** A status the vendor's error tables give for the error: either of two. */
    private static void requireOneOf(String setting, int status, int usual, int other) {
        if (status != usual && status != other) {
            throw new InvalidSettingException(setting, "must be " + usual + " or " + other + " (the statuses the"
                    + " vendor's tables give): " + status);
        }
    }
}
