package dev.usagekit.emulator.config;

import dev.usagekit.emulator.gateway.SignatureMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Every emulator setting, under {@code emulator.*} (also env vars such as EMULATOR_SEED and CLI args). */
@ConfigurationProperties("emulator")
public class EmulatorProperties {

    /** The catalogue file's setting, for the messages that refuse its value. */
    static final String FIXTURES_SETTING = "emulator.fixtures";

    /** Seed of all synthetic data and generated names. */
    private long seed = 20240101L;
    /**
     * Catalogue file of accounts, keys and resources: classpath:x.yaml or file:/path/x.yaml; a path without a prefix is
     * that file when it exists, else a class path resource.
     */
    private String fixtures = "classpath:usagekit/fixtures/default-catalogue.yaml";
    /** Extra accounts as AK:SK[,AK:SK...]; each owns a generated catalogue plus the doc-example resources. */
    private String credentials = "";
    /**
     * Once ready, write the port listened on (and the control plane's on a second line, when it has its own) to this
     * file; it is deleted on shutdown. For scripts that start the emulator with server.port=0.
     */
    private String portFile = "";
    /**
     * Stop (gracefully) when standard input closes: the JUnit kit starts the emulator so, and its end, orderly or
     * killed, closes the pipe. Off by default: a shell's background job may have no standard input at all.
     */
    private boolean stopOnStdinClose;
    /** Largest accepted request body. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);
    /** A request not fully received (head and body) this long after its first byte is answered 408 and closed. */
    private Duration requestTimeout = Duration.ofSeconds(30);
    /**
     * Event-loop threads serving the ports; 0 picks max(8, processors). On two cores shared with the client, 8 served
     * about 6 % more calls a second than Reactor Netty's max(4, processors), at a longer tail under saturation
     * (BENCHMARKS.md, nineteenth round).
     */
    private int eventLoopThreads;
    /** Vendor assumed when a request carries no sign of either dialect: VOLCENGINE or ALIYUN. */
    private String defaultVendor = "VOLCENGINE";
    /** strict: verify signatures, timestamps and nonces like the clouds; off: accept any signature. */
    private SignatureMode signatureMode = SignatureMode.STRICT;
    /**
     * How far a signing time (X-Date, Timestamp, x-acs-date) may be from the virtual clock, and how long Aliyun
     * nonces are remembered. Raise it (e.g. 3650d) to keep strict signatures while the clock is moved away from the
     * time SDKs sign with.
     */
    private Duration signatureTimeWindow = Duration.ofMinutes(15);
    /** Check every JSON response against its schema; a violation becomes a loud internal error (for tests). */
    private boolean selfCheck;
    private final Clock clock = new Clock();
    private final Limits limits = new Limits();
    private final Rtc rtc = new Rtc();
    private final Live live = new Live();
    private final Aliyun aliyun = new Aliyun();

    /** Start time of the virtual clock. */
    public static class Clock {
        /** Start the virtual clock at this instant (e.g. 2026-11-20T12:00:00Z) instead of the system time. */
        private Instant fixed;
        /** Keep the virtual clock still (it only moves when the control plane moves it). */
        private boolean frozen;
        /**
         * Let a call's X-Emulator-Clock header (an ISO-8601 instant) be the time its history window, data delay, default
         * range and late data are judged at, leaving the clock as it is.
         */
        private boolean requestHeader = true;

        public Instant getFixed() {
            return fixed;
        }

        public void setFixed(Instant fixed) {
            this.fixed = fixed;
        }

        public boolean isFrozen() {
            return frozen;
        }

        public void setFrozen(boolean frozen) {
            this.frozen = frozen;
        }

        public boolean isRequestHeader() {
            return requestHeader;
        }

        public void setRequestHeader(boolean requestHeader) {
            this.requestHeader = requestHeader;
        }
    }

    /** The documented QPS limits. */
    public static class Limits {
        /** Answer calls over an action's documented QPS limit with the vendor's throttling error. */
        private boolean enabled = true;
        /** One action's limit instead of the documented one: N/s, N/min or off. */
        private Map<String, String> overrides = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Map<String, String> getOverrides() {
            return overrides;
        }

        public void setOverrides(Map<String, String> overrides) {
            this.overrides = overrides;
        }
    }

    /** Volcengine RTC choices. */
    public static class Rtc {
        /** Throttle with RTC's FlowLimitExceeded.QPSOverLimit (no CodeN) instead of the gateway's FlowLimitExceeded. */
        private boolean qpsOverLimitCode;

        public boolean isQpsOverLimitCode() {
            return qpsOverLimitCode;
        }

        public void setQpsOverLimitCode(boolean qpsOverLimitCode) {
            this.qpsOverLimitCode = qpsOverLimitCode;
        }
    }

    /** Volcengine Live choices. */
    public static class Live {
        /** Resolution label of audio-only transcoding: "0" (doc page) or "0P" (current SDK). */
        private String audioResolution = "0";

        public String getAudioResolution() {
            return audioResolution;
        }

        public void setAudioResolution(String audioResolution) {
            this.audioResolution = audioResolution;
        }
    }

    /** Alibaba Cloud choices where the vendor's tables disagree. */
    public static class Aliyun {
        /** HTTP status of InvalidAccessKeyId.NotFound: 400 or 404. */
        private int accessKeyNotFoundStatus = 400;
        /** HTTP status of SignatureDoesNotMatch: 400 or 403. */
        private int signatureMismatchStatus = 400;

        public int getAccessKeyNotFoundStatus() {
            return accessKeyNotFoundStatus;
        }

        public void setAccessKeyNotFoundStatus(int accessKeyNotFoundStatus) {
            this.accessKeyNotFoundStatus = accessKeyNotFoundStatus;
        }

        public int getSignatureMismatchStatus() {
            return signatureMismatchStatus;
        }

        public void setSignatureMismatchStatus(int signatureMismatchStatus) {
            this.signatureMismatchStatus = signatureMismatchStatus;
        }
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public String getFixtures() {
        return fixtures;
    }

    public void setFixtures(String fixtures) {
        this.fixtures = fixtures;
    }

    public String getCredentials() {
        return credentials;
    }

    public void setCredentials(String credentials) {
        this.credentials = credentials;
    }

    public boolean isStopOnStdinClose() {
        return stopOnStdinClose;
    }

    public void setStopOnStdinClose(boolean stopOnStdinClose) {
        this.stopOnStdinClose = stopOnStdinClose;
    }

    public String getPortFile() {
        return portFile;
    }

    public void setPortFile(String portFile) {
        this.portFile = portFile;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getEventLoopThreads() {
        return eventLoopThreads;
    }

    public void setEventLoopThreads(int eventLoopThreads) {
        this.eventLoopThreads = eventLoopThreads;
    }

    public String getDefaultVendor() {
        return defaultVendor;
    }

    public void setDefaultVendor(String defaultVendor) {
        this.defaultVendor = defaultVendor;
    }

    public boolean isSelfCheck() {
        return selfCheck;
    }

    public void setSelfCheck(boolean selfCheck) {
        this.selfCheck = selfCheck;
    }

    public SignatureMode getSignatureMode() {
        return signatureMode;
    }

    public void setSignatureMode(SignatureMode signatureMode) {
        this.signatureMode = signatureMode;
    }

    public Duration getSignatureTimeWindow() {
        return signatureTimeWindow;
    }

    public void setSignatureTimeWindow(Duration signatureTimeWindow) {
        this.signatureTimeWindow = signatureTimeWindow;
    }

    public Clock getClock() {
        return clock;
    }

    public Limits getLimits() {
        return limits;
    }

    public Rtc getRtc() {
        return rtc;
    }

    public Live getLive() {
        return live;
    }

    public Aliyun getAliyun() {
        return aliyun;
    }
}
