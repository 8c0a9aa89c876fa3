package dev.usagekit.kit;

import java.net.URI;

/** A running emulator, as injected into tests annotated with {@link UsageEmulatorTest}. */
public final class UsageEmulator {

    /** Volcengine access key of the demo account (2100000001) in the default catalogue. */
    public static final String VOLC_ACCESS_KEY = "AKLTtestaccesskey";
    public static final String VOLC_SECRET_KEY = "testsecretkey";
    /** Aliyun access key of the demo account (2100000001) in the default catalogue. */
    public static final String ALIYUN_ACCESS_KEY_ID = "testid";
    public static final String ALIYUN_ACCESS_KEY_SECRET = "testsecret";
    /** Account id of the demo account. */
    public static final String DEMO_ACCOUNT = "2100000001";

    private final int port;
    private final EmulatorControl control;

    /**
     * @param controlPort the control plane's port: {@code port}, or its own with {@code emulator.admin.port}
     * @param token {@code emulator.admin.token}, or null
     */
    UsageEmulator(int port, int controlPort, String token) {
        this.port = port;
        this.control = new EmulatorControl("http://127.0.0.1:" + controlPort, token);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The base URL as a URI, with a trailing slash: {@code http://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return URI.create(baseUrl() + "/");
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}, for SDKs that take a host. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    public String volcAccessKey() {
        return VOLC_ACCESS_KEY;
    }

    public String volcSecretKey() {
        return VOLC_SECRET_KEY;
    }

    public String aliyunAccessKeyId() {
        return ALIYUN_ACCESS_KEY_ID;
    }

    public String aliyunAccessKeySecret() {
        return ALIYUN_ACCESS_KEY_SECRET;
    }

    /** The control plane client ({@code /_emulator/...}). */
    public EmulatorControl control() {
        return control;
    }

    @Override
    public String toString() {
        return "UsageEmulator[" + baseUrl() + "]";
    }
}
