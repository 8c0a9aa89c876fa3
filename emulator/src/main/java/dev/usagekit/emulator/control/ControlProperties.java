package dev.usagekit.emulator.control;

import dev.usagekit.emulator.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The control plane's own settings, {@code emulator.admin.*}, {@code emulator.journal.*} and
 * {@code emulator.faults.*}.
 */
@ConfigurationProperties("emulator")
public class ControlProperties {

    private final Admin admin = new Admin();
    private final Journal journal = new Journal();
    private final Faults faults = new Faults();

    public Admin getAdmin() {
        return admin;
    }

    public Journal getJournal() {
        return journal;
    }

    public Faults getFaults() {
        return faults;
    }

    /** Who may steer the emulator, and on which port. */
    public static class Admin {
        /** The settings' names, for the messages that refuse their values or point a caller to them. */
        public static final String PORT_SETTING = "emulator.admin.port";
        static final String TOKEN_SETTING = "emulator.admin.token";

        /** Serve the control plane under /_emulator/; when false every control path answers 404. */
        private boolean enabled = true;
        /**
         * Serve the control plane on this port instead of the main one (0 = any free port); the main port then
         * answers 404 under /_emulator/. Unset: the main port.
         */
        private Integer port;
        /**
         * When set, every control request needs the header X-Emulator-Token with this value (else 401): visible ASCII,
         * spaces or tabs only between other characters.
         */
        private String token = "";
        /** Without a token, answer control requests from other machines too (else they get 403). */
        private boolean allowRemote;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token == null ? "" : token;
        }

        public boolean isAllowRemote() {
            return allowRemote;
        }

        public void setAllowRemote(boolean allowRemote) {
            this.allowRemote = allowRemote;
        }

        /**
         * The token, "" for none; refused unless a header can carry it unchanged: HTTP drops spaces and tabs at either
         * end of a value, and clients send other characters than ASCII in different encodings.
         */
        String headerToken() {
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                boolean blank = c == ' ' || c == '\t';
                String problem = c > 0x7f ? "is not ASCII"
                        : (c < ' ' && !blank) || c == 0x7f ? "is a control character"
                        : blank && i == 0 ? "is a space or tab at its start"
                        : blank && i == token.length() - 1 ? "is a space or tab at its end"
                        : null;
                if (problem != null) { // the position only: the message is logged, the token is a secret
                    throw new InvalidSettingException(TOKEN_SETTING, "must be visible ASCII, with spaces or"
                            + " tabs only between other characters, for the " + ControlConfiguration.TOKEN_HEADER
                            + " header to carry it unchanged; character " + (i + 1) + " " + problem);
                }
            }
            return token;
        }

        /** The port of a control plane of its own, or -1 when it shares the main port. */
        int separatePort() {
            if (port == null) {
                return -1;
            }
            if (port < 0 || port > 65535) {
                throw new InvalidSettingException(PORT_SETTING,
                        "must be a TCP port (0 for any free one, up to 65535): " + port);
            }
            return port;
        }
    }

    /** The request journal. */
    public static class Journal {
        /** Calls kept in the request journal; the oldest are dropped and counted as evicted. */
        private int size = 1000;

        public int getSize() {
            return size;
        }

        public void setSize(int size) {
            this.size = size;
        }
    }

    /** The faults set through the control plane. */
    public static class Faults {
        /** The setting's name, for the messages that refuse its value or a fault past it. */
        static final String MAX_SETTING = "emulator.faults.max";

        /** Faults in force at once (one whose times are used up is gone); adding one more is refused with 400. */
        private int max = 1000;

        public int getMax() {
            return max;
        }

        public void setMax(int max) {
            this.max = max;
        }
    }
}
