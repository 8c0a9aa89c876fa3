package dev.usagekit.emulator.limits;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.it.TestEmulator;
import dev.usagekit.emulator.schema.SchemaCatalog;
import dev.usagekit.emulator.web.ApiEntry;
import dev.usagekit.emulator.web.RawRequest;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A successful answer that finds the server's buffer memory full goes out as the vendor's 503, rendered from the heap,
 * and is journaled as that: the real gateways and journal, with an allocator that has no direct memory left.
 */
class BufferMemoryFullTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();
    private final ApiEntry entry = emulator.context().getBean(ApiEntry.class);

    /** Direct buffers fail as Netty's do once -XX:MaxDirectMemorySize is reached; heap buffers still work. */
    private static final ByteBufAllocator NO_DIRECT_MEMORY = new AbstractByteBufAllocator(false) {
        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            throw new OutOfMemoryError("failed to allocate " + initialCapacity + " byte(s) of direct memory");
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    };

    private ApiEntry.Sent sendWithoutMemory(String uri, String authorization, String body) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, body.isEmpty() ? HttpMethod.GET : HttpMethod.POST,
                uri);
        head.headers().set("Host", "127.0.0.1").set("Content-Type", "application/json");
        if (authorization != null) {
            head.headers().set("Authorization", authorization);
        }
        ApiEntry.Answer answer = entry.answer(RawRequest.of(head, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.response().status()).as("the answer before it was rendered").isEqualTo(200);
        return entry.send(answer, NO_DIRECT_MEMORY, System.nanoTime());
    }

    private final SchemaCatalog schemas = emulator.context().getBean(SchemaCatalog.class);

    /** The answer as the envelope checks take it; its body must also be a valid error body of the vendor's schema. */
    private TestEmulator.Reply errorReply(ApiEntry.Sent sent, Vendor vendor) {
        try {
            String body = sent.body().toString(StandardCharsets.UTF_8);
            assertThat(schemas.validate(SchemaCatalog.errorPath(vendor), body)).as(body).isEmpty();
            return TestEmulator.Reply.withSingleValuedHeaders(sent.response().status(),
                    sent.response().contentType(), sent.response().headers(), body);
        } finally {
            sent.body().release();
        }
    }

    private JsonNode lastJournalEntry(String action) {
        return emulator.get("/_emulator/journal?action=" + action).json().at("/entries").valueStream()
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void volcengineGetsTheGatewaysServiceUnavailableTempWithRetryAfter() {
        String action = "DescribeLivePullToPushBandwidthData";
        ApiEntry.Sent sent = sendWithoutMemory("/?Action=" + action + "&Version=2023-01-01",
                "HMAC-SHA256 Credential=" + TestEmulator.VOLC_AK + "/20261120/cn-north-1/live/request, "
                        + "SignedHeaders=x-date, Signature=" + "0".repeat(64),
                "{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300}");

        assertGatewayError(errorReply(sent, Vendor.VOLCENGINE), 503, "ServiceUnavailableTemp", 100019);
        assertThat(sent.response().headers()).containsEntry("Retry-After", "1");
        assertThat(lastJournalEntry(action).get("status").asInt()).isEqualTo(503);
        assertThat(lastJournalEntry(action).get("errorCode").asString()).isEqualTo("ServiceUnavailableTemp");
    }

    @Test
    void aliyunGetsServiceUnavailableInTheFlatEnvelope() {
        String action = "DescribeLiveProducerUsageData";
        ApiEntry.Sent sent = sendWithoutMemory("/?Action=" + action + "&Version=2016-11-01&AccessKeyId="
                + TestEmulator.ALIYUN_AK + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z",
                null, "");

        assertAliyunError(errorReply(sent, Vendor.ALIYUN), 503, "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.");
        assertThat(lastJournalEntry(action).get("errorCode").asString()).isEqualTo("ServiceUnavailable");
    }
}
