package dev.usagekit.emulator.gateway.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.web.RawRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

/** Where the gateway and the authenticator both look for a Volcengine signature: one decision for both. */
class SignedFormTest {

    private static final String SIGNATURE = "0123456789abcdef".repeat(4);

    private static final String PRESIGNED = "/?Action=A&Version=V&X-Algorithm=HMAC-SHA256"
            + "&X-Credential=AKLTtestaccesskey%2F20261120%2Fcn-north-1%2Flive%2Frequest&X-Date=20261120T120000Z"
            + "&X-Expires=60&X-SignedHeaders=host&X-Signature=" + SIGNATURE;

    private static RawRequest received(String target, String authorization, String xDate) {
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target);
        if (authorization != null) {
            head.headers().set("Authorization", authorization);
        }
        if (xDate != null) {
            head.headers().set("X-Date", xDate);
        }
        return RawRequest.of(head, RawRequest.noBody());
    }

    @Test
    void anAuthorizationHeaderWinsOverAPresignedQuery() {
        RawRequest request = received(PRESIGNED,
                "HMAC-SHA256 Credential=AKLTother/20261121/cn-north-1/rtc/request, SignedHeaders=host;x-date, "
                        + "Signature=" + SIGNATURE, "20261121T000000Z");

        assertThat(SignedForm.of(request)).isEqualTo(SignedForm.HEADER);
        assertThat(SignedForm.of(request).parse(request).accessKeyId()).isEqualTo("AKLTother");
        assertThat(SignedForm.of(request).signingParameter(request, "X-Date")).isEqualTo("20261121T000000Z");
    }

    @Test
    void aBlankAuthorizationLeavesThePresignedQuery() {
        RawRequest request = received(PRESIGNED, "", "20261121T000000Z");

        assertThat(SignedForm.of(request)).isEqualTo(SignedForm.QUERY);
        assertThat(SignedForm.of(request).parse(request).service()).isEqualTo("live");
        assertThat(SignedForm.of(request).signingParameter(request, "X-Date")).isEqualTo("20261120T120000Z");
        assertThat(SignedForm.of(request).signingParameter(request, "X-Expires")).isEqualTo("60");
    }

    @Test
    void neitherIsUnsigned() {
        RawRequest request = received("/?Action=A&Version=V&X-Date=20261120T120000Z", null, null);

        assertThat(SignedForm.of(request)).isEqualTo(SignedForm.UNSIGNED);
        assertThat(SignedForm.of(request).parse(request)).isNull();
    }
}
