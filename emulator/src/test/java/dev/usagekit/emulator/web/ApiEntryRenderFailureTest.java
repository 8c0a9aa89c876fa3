package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

/** An answer whose body cannot be rendered (an emulator bug) goes out as the vendor's internal error, and is journaled so. */
class ApiEntryRenderFailureTest {

    @Test
    void anUnrenderableAnswerBecomesTheVendorsInternalError() {
        VolcengineGateway volcengine = mock(VolcengineGateway.class);
        when(volcengine.handle(any(), any())).thenReturn(new WireResponse(200, "application/json", out -> {
            out.write('{');
            throw new IllegalStateException("a serializer bug");
        }, Map.of()));
        when(volcengine.renderEarlyError(any(), any())).thenAnswer(call -> {
            ApiError error = call.getArgument(1);
            return new WireResponse(error.status(), "application/json",
                    ResponseBody.of(("{\"Code\":\"" + error.code() + "\"}").getBytes(StandardCharsets.UTF_8)), Map.of());
        });
        List<Integer> journaled = new CopyOnWriteArrayList<>();
        ApiEntry entry = new ApiEntry(new VendorDetector(new ActionRegistry(List.of()), Vendor.VOLCENGINE), volcengine,
                mock(AliyunGateway.class), 1024, (request, trace, response, elapsed) -> journaled.add(response.status()));
        WebTestClient client = WebTestClient
                .bindToRouterFunction(RouterFunctions.route(RequestPredicates.all(), entry::handle)).build();

        client.post().uri("/?Action=DescribeLiveTranscodeData&Version=2023-01-01").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody(String.class).isEqualTo("{\"Code\":\"InternalError\"}");
        assertThat(journaled).containsExactly(500);
    }
}
