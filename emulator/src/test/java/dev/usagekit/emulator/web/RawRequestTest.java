package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

/** The request as the gateways read it, straight from what Netty decoded. */
class RawRequestTest {

    private static RawRequest received(String target, String... authorizationLines) {
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target);
        head.headers().set("Host", "127.0.0.1:8080");
        for (String line : authorizationLines) {
            head.headers().add("authorization", line);
        }
        return RawRequest.of(head, RawRequest.noBody());
    }

    @Test
    void anAuthorizationSentOnSeveralLinesIsOneValueJoinedInOrder() {
        // as a Pact verifier replays a recorded "Credential=..., SignedHeaders=..., Signature=..."
        RawRequest request = received("/?Action=A", "HMAC-SHA256 Credential=AK/20261120/cn-north-1/live/request",
                "SignedHeaders=host;x-date", "Signature=abc");

        assertThat(request.authorization()).isEqualTo(
                "HMAC-SHA256 Credential=AK/20261120/cn-north-1/live/request, SignedHeaders=host;x-date, Signature=abc");
    }

    @Test
    void anAuthorizationOnOneLineIsReadAsSentWhateverTheCaseOfItsName() {
        RawRequest request = received("/", "ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=1f");

        assertThat(request.authorization()).isEqualTo("ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=1f");
    }

    @Test
    void noAuthorizationIsNull() {
        assertThat(received("/?Action=A").authorization()).isNull();
        assertThat(RawRequest.undecodable().authorization()).isNull();
    }

    @Test
    void theTargetSplitsIntoPathAndDecodedQueryAlsoInAbsoluteForm() {
        RawRequest request = received("http://127.0.0.1:8080/live?Action=Describe&Version=2023-01-01&Note=a%20b");

        assertThat(request.path()).isEqualTo("/live");
        assertThat(request.rawQuery()).isEqualTo("Action=Describe&Version=2023-01-01&Note=a%20b");
        assertThat(request.firstQuery("Note")).isEqualTo("a b");
        assertThat(request.header("host")).isEqualTo("127.0.0.1:8080");
    }
}
