package dev.usagekit.emulator.gateway.volcengine;

import dev.usagekit.emulator.catalogue.AccessKey;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.gateway.HeaderView;
import dev.usagekit.emulator.gateway.RefusalLog;
import dev.usagekit.emulator.gateway.SentParameters;
import dev.usagekit.emulator.gateway.SignatureMode;
import dev.usagekit.emulator.gateway.SigningTimeWindow;
import dev.usagekit.emulator.signing.ConstantTimeComparison;
import dev.usagekit.emulator.signing.SignatureComputation;
import dev.usagekit.emulator.signing.VolcengineAuthorization;
import dev.usagekit.emulator.signing.VolcengineAuthorizationException;
import dev.usagekit.emulator.signing.VolcengineSignatureV4;
import dev.usagekit.emulator.web.RawRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the calling account from the access key and, in strict mode, verifies the HMAC-SHA256 signature (header
 * or query form) against what was actually received, and the X-Date window on the emulator clock (the request's
 * X-Expires, else the configured window).
 */
public final class VolcengineAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(VolcengineAuthenticator.class);
    private static final Pattern ANY_PORT = Pattern.compile(":\\d+$");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern EXPIRES = Pattern.compile("\\d{1,9}");

    private final SignatureMode mode;
    /** Validity of a signature when the request sets no X-Expires (900 s on the cloud). */
    private final SigningTimeWindow window;
    private final RefusalLog refusals;

    public VolcengineAuthenticator(SignatureMode mode, SigningTimeWindow window, RefusalLog refusals) {
        this.mode = mode;
        this.window = window;
        this.refusals = refusals;
    }

    /**
     * @param parsed the request's authorization when the gateway could already read it, else null
     * @param service the service of the action called ({@code live}, {@code rtc}), which the credential scope must name
     */
    public Account authenticate(RawRequest request, VolcengineAuthorization parsed, String service,
            Catalogue catalogue, Instant arrivedAt, CallTrace trace) {
        SignedForm form = SignedForm.of(request);
        if (form == SignedForm.UNSIGNED) {
            throw VolcengineGatewayErrors.missingAuthenticationToken();
        }
        VolcengineAuthorization auth;
        try {
            auth = parsed != null ? parsed : form.parse(request);
        } catch (VolcengineAuthorizationException e) {
            trace.noteFields("signature", "problem", e.getMessage());
            throw (e.reason() == VolcengineAuthorizationException.Reason.INVALID_CREDENTIAL
                    ? VolcengineGatewayErrors.invalidCredential() : VolcengineGatewayErrors.invalidAuthorization())
                    .withProblem(e.getMessage());
        }
        Account account = catalogue.accountByAccessKey(auth.accessKeyId())
                .orElseThrow(() -> VolcengineGatewayErrors.invalidAccessKey(auth.accessKeyId())
                        .withProblem(AccessKey.unknownId(auth.accessKeyId())));
        trace.note("account", account.accountId()); // a call refused for its signature is still the account's
        if (mode == SignatureMode.OFF) {
            trace.note("signature", "not checked (mode off)");
            return account;
        }
        String xDate = form.signingParameter(request, "X-Date");
        if (xDate == null || xDate.isBlank()) {
            throw VolcengineGatewayErrors.missingRequestInfo("X-Date");
        }
        checkTimeWindow(request, xDate, form, arrivedAt, trace);
        if (!service.equals(auth.service())) {
            // the cloud derives the signing key with its own service: a client configured for another one fails there
            String problem = "the credential scope names service '" + auth.service() + "'; this action's service is '"
                    + service + "'";
            trace.noteFields("signature", "problem", problem);
            refusals.refused(log, trace, "Request {}: Volcengine signature refused for {}: {}", trace.get("requestId"),
                    auth.accessKeyId(), problem);
            throw VolcengineGatewayErrors.signatureDoesNotMatch().withProblem(problem);
        }
        AccessKey key = catalogue.accessKey(auth.accessKeyId()).orElseThrow();
        verify(request, auth, key, xDate, form, trace);
        return account;
    }

    private void checkTimeWindow(RawRequest request, String xDate, SignedForm form, Instant arrivedAt,
            CallTrace trace) {
        Instant signedAt;
        try {
            signedAt = VolcengineSignatureV4.parseXDate(xDate);
        } catch (DateTimeParseException e) {
            String problem = "X-Date is not yyyyMMdd'T'HHmmss'Z': " + xDate;
            trace.noteFields("signature", "problem", problem);
            throw VolcengineGatewayErrors.invalidTimestamp().withProblem(problem);
        }
        String expires = form.signingParameter(request, "X-Expires");
        boolean accepted = expires != null && EXPIRES.matcher(expires).matches()
                ? window.accepts(signedAt, Duration.ofSeconds(Long.parseLong(expires)), "X-Expires", arrivedAt, trace)
                : window.accepts(signedAt, arrivedAt, trace);
        if (!accepted) {
            throw VolcengineGatewayErrors.invalidTimestamp();
        }
    }

    private void verify(RawRequest request, VolcengineAuthorization auth, AccessKey key, String xDate,
            SignedForm form, CallTrace trace) {
        List<String> wanted = new ArrayList<>(auth.signedHeaders());
        wanted.add("host");
        Map<String, String> headers = HeaderView.lowercased(request.headers(), wanted);
        String host = String.valueOf(headers.get("host"));
        Function<String, SignatureComputation> signedWithHost = candidate -> {
            headers.put("host", candidate);
            return form == SignedForm.QUERY
                    ? VolcengineSignatureV4.computePresigned(request.method(), request.path(), request.query(), headers,
                            auth.signedHeaders(), request.body(), xDate, auth.region(), auth.service(), key.secret())
                    : VolcengineSignatureV4.compute(request.method(), request.path(), request.query(), headers,
                            auth.signedHeaders(), request.body(), xDate, auth.region(), auth.service(), key.secret());
        };
        Predicate<SignatureComputation> matches = c -> xDate.startsWith(auth.shortDate())
                && ConstantTimeComparison.matches(c.signature(), auth.signature());
        SignatureComputation first = signedWithHost.apply(host);
        if (matches.test(first) || shorterHosts(host).stream().map(signedWithHost).anyMatch(matches)
                || (collapseWhitespace(headers) && matches.test(signedWithHost.apply(host)))) {
            trace.note("signature", "verified");
            return;
        }
        String canonicalRequest = SentParameters.clipped(first.canonicalRequest());
        List<Object> fields = new ArrayList<>(List.of("result", "mismatch"));
        String problem = xDate.startsWith(auth.shortDate()) ? null
                : "the credential scope's date " + auth.shortDate() + " is not the date of X-Date " + xDate;
        if (problem != null) {
            fields.addAll(List.of("problem", problem));
        }
        fields.addAll(List.of("canonicalRequest", canonicalRequest, "stringToSign", first.stringToSign()));
        trace.noteFields("signature", fields.toArray());
        refusals.refused(log, trace, "Request {}: Volcengine signature mismatch for {}:\n"
                + "--- canonical request ---\n{}\n--- string to sign ---\n{}", trace.get("requestId"),
                auth.accessKeyId(), canonicalRequest, first.stringToSign());
        throw VolcengineGatewayErrors.signatureDoesNotMatch().withProblem(problem);
    }

    /**
     * Makes each run of white space inside a header value one space, as the Node SDK signs values (the Go and Java
     * SDKs only trim them). Only tried when the values as received do not match; false when nothing changed.
     */
    private static boolean collapseWhitespace(Map<String, String> headers) {
        boolean changed = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String value = header.getValue() == null ? null : header.getValue().trim();
            if (value != null) {
                String collapsed = WHITESPACE_RUN.matcher(value).replaceAll(" ");
                if (!collapsed.equals(value)) {
                    header.setValue(collapsed);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * The received Host without a default port, and without any port, as SDKs that drop one sign it. Only worked out
     * when the received Host does not match: nearly every call is signed with it.
     */
    private static Set<String> shorterHosts(String host) {
        Set<String> shorter = new LinkedHashSet<>(List.of(VolcengineSignatureV4.stripDefaultPort(host),
                ANY_PORT.matcher(host).replaceFirst("")));
        shorter.remove(host);
        return shorter;
    }
}
