package dev.usagekit.emulator.gateway.aliyun;

import dev.usagekit.emulator.catalogue.AccessKey;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.gateway.HeaderView;
import dev.usagekit.emulator.gateway.RefusalLog;
import dev.usagekit.emulator.gateway.SentParameters;
import dev.usagekit.emulator.gateway.SignatureMode;
import dev.usagekit.emulator.gateway.SigningTimeWindow;
import dev.usagekit.emulator.signing.AliyunAuthorizationException;
import dev.usagekit.emulator.signing.AliyunSignatureV1;
import dev.usagekit.emulator.signing.AliyunSignatureV3;
import dev.usagekit.emulator.signing.AliyunV3Authorization;
import dev.usagekit.emulator.signing.ConstantTimeComparison;
import dev.usagekit.emulator.signing.SignatureComputation;
import dev.usagekit.emulator.web.FormUrlEncoded;
import dev.usagekit.emulator.web.RawRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the account from the access key (ACS3 Credential or the AccessKeyId parameter) and, in strict mode,
 * verifies signature V1 (HMAC-SHA1 over query + form parameters) or ACS3-HMAC-SHA256, the timestamp window (15
 * minutes on the cloud) and nonce reuse, on the emulator clock.
 */
public final class AliyunAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(AliyunAuthenticator.class);

    private final SignatureMode mode;
    private final SigningTimeWindow window;
    private final NonceRegistry nonces;
    private final int accessKeyNotFoundStatus;
    private final int signatureMismatchStatus;
    private final RefusalLog refusals;

    public AliyunAuthenticator(SignatureMode mode, SigningTimeWindow window, NonceRegistry nonces,
            int accessKeyNotFoundStatus, int signatureMismatchStatus, RefusalLog refusals) {
        this.mode = mode;
        this.window = window;
        this.nonces = nonces;
        this.accessKeyNotFoundStatus = accessKeyNotFoundStatus;
        this.signatureMismatchStatus = signatureMismatchStatus;
        this.refusals = refusals;
    }

    public static boolean isAcs3(RawRequest request) {
        String header = request.authorization();
        return header != null && header.startsWith(AliyunSignatureV3.ALGORITHM);
    }

    /** @param arrivedAt the virtual clock as read on the call's arrival, which the signing time is checked against */
    public Account authenticate(RawRequest request, Map<String, List<String>> params, Catalogue catalogue,
            Instant arrivedAt, CallTrace trace) {
        return isAcs3(request) ? acs3(request, catalogue, arrivedAt, trace)
                : v1(request, params, catalogue, arrivedAt, trace);
    }

    /** The key's account, noted at once: a call refused for its signature is still the account's in the journal. */
    private Account account(Catalogue catalogue, String accessKeyId, CallTrace trace) {
        Account account = catalogue.accountByAccessKey(accessKeyId)
                .orElseThrow(() -> AliyunErrors.accessKeyNotFound(accessKeyNotFoundStatus)
                        .withProblem(AccessKey.unknownId(accessKeyId)));
        trace.note("account", account.accountId());
        return account;
    }

    private Account acs3(RawRequest request, Catalogue catalogue, Instant arrivedAt, CallTrace trace) {
        AliyunV3Authorization auth;
        try {
            auth = AliyunSignatureV3.parseAuthorization(request.authorization());
        } catch (AliyunAuthorizationException e) {
            trace.noteFields("signature", "problem", e.getMessage());
            throw AliyunErrors.incompleteSignature();
        }
        Account account = account(catalogue, auth.accessKeyId(), trace);
        if (mode == SignatureMode.OFF) {
            trace.note("signature", "not checked (mode off)");
            return account;
        }
        checkTimestamp(request.header("x-acs-date"), "x-acs-date", arrivedAt, trace);
        String nonce = request.header("x-acs-signature-nonce");
        if (nonce == null || nonce.isEmpty()) {
            throw AliyunErrors.missingSystemParameter("XAcsSignatureNonce");
        }
        AccessKey key = catalogue.accessKey(auth.accessKeyId()).orElseThrow();
        SignatureComputation c = AliyunSignatureV3.compute(request.method(), request.path(), request.query(),
                HeaderView.lowercased(request.headers(), auth.signedHeaders()), auth.signedHeaders(), request.body(),
                key.secret());
        if (!ConstantTimeComparison.matches(c.signature(), auth.signature())) {
            throw mismatch(auth.accessKeyId(), c, trace);
        }
        checkNonce(auth.accessKeyId(), nonce, arrivedAt);
        trace.note("signature", "verified");
        return account;
    }

    private Account v1(RawRequest request, Map<String, List<String>> params, Catalogue catalogue, Instant arrivedAt,
            CallTrace trace) {
        String accessKeyId = FormUrlEncoded.first(params, "AccessKeyId");
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            throw AliyunErrors.missingSystemParameter("AccessKeyId");
        }
        Account account = account(catalogue, accessKeyId, trace);
        if (mode == SignatureMode.OFF) {
            trace.note("signature", "not checked (mode off)");
            return account;
        }
        String signature = require(params, "Signature");
        String method = require(params, "SignatureMethod");
        if (!method.equals("HMAC-SHA1")) {
            throw ApiError.of(ErrorKind.SIGNATURE, 400, "InvalidSignatureMethod",
                    "Specified signature method is not valid.");
        }
        require(params, "SignatureVersion");
        String nonce = require(params, "SignatureNonce");
        checkTimestamp(require(params, "Timestamp"), "Timestamp", arrivedAt, trace);
        AccessKey key = catalogue.accessKey(accessKeyId).orElseThrow();
        String stringToSign = AliyunSignatureV1.stringToSign(request.method(), params);
        String expected = AliyunSignatureV1.sign(key.secret(), stringToSign);
        if (!ConstantTimeComparison.matches(expected, signature)) {
            throw mismatch(accessKeyId, new SignatureComputation(null, stringToSign, expected), trace);
        }
        checkNonce(accessKeyId, nonce, arrivedAt);
        trace.note("signature", "verified");
        return account;
    }

    private void checkTimestamp(String value, String name, Instant arrivedAt, CallTrace trace) {
        if (value == null || value.isEmpty()) {
            throw AliyunErrors.missingSystemParameter(name.equals("Timestamp") ? "Timestamp" : "XAcsDate");
        }
        Instant signedAt = WireTime.parseAliyunUtc(value).orElseThrow(() -> ApiError.of(ErrorKind.SIGNATURE, 400,
                "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.")
                .withProblem(name + " must be a UTC time written yyyy-MM-ddTHH:mm:ssZ, got " + value));
        if (!window.accepts(signedAt, arrivedAt, trace)) {
            throw ApiError.of(ErrorKind.SIGNATURE, 400, "InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired.");
        }
    }

    private void checkNonce(String accessKeyId, String nonce, Instant arrivedAt) {
        if (!nonces.firstUse(accessKeyId, nonce, arrivedAt)) {
            throw ApiError.of(ErrorKind.SIGNATURE, 400, "SignatureNonceUsed",
                    "Specified signature nonce was used already.").withProblem("nonce " + nonce
                    + " was used by an earlier call of this access key within the time window");
        }
    }

    /** The real gateway echoes its string to sign; aliyun-java-sdk-core compares it with its own. */
    private ApiError mismatch(String accessKeyId, SignatureComputation c, CallTrace trace) {
        String canonicalRequest = SentParameters.clipped(c.canonicalRequest());
        String stringToSign = SentParameters.clipped(c.stringToSign());
        if (canonicalRequest == null) {
            trace.noteFields("signature", "result", "mismatch", "stringToSign", stringToSign);
        } else {
            trace.noteFields("signature", "result", "mismatch", "canonicalRequest", canonicalRequest,
                    "stringToSign", stringToSign);
        }
        refusals.refused(log, trace, "Request {}: Aliyun signature mismatch for {}:\n{}{}", trace.get("requestId"),
                accessKeyId,
                canonicalRequest == null ? "" : "--- canonical request ---\n" + canonicalRequest
                        + "\n--- string to sign ---\n", stringToSign);
        return ApiError.of(ErrorKind.SIGNATURE, signatureMismatchStatus, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:"
                        + c.stringToSign());
    }

    private static String require(Map<String, List<String>> params, String name) {
        String value = FormUrlEncoded.first(params, name);
        if (value == null || value.isEmpty()) {
            throw AliyunErrors.missingSystemParameter(name);
        }
        return value;
    }
}
