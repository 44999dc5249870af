package com.example.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.Json;
import com.example.kit.test.TcpProxy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.background.BackgroundEventHandler;
import com.launchdarkly.eventsource.background.BackgroundEventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target solution's reply, read by clients this repository did not write, whose
 * connection a proxy cuts mid-reply; the server resumes: every token once, in order.
 * <ul>
 * <li>Over SSE, LaunchDarkly's okhttp-eventsource, which follows the WHATWG EventSource
 * rules (reconnect, Last-Event-ID, retry): it reconnects on its own.
 * <li>Over WebSocket, OkHttp's WebSocket client (handshake, masking, framing and
 * {@code permessage-deflate}, as browsers offer it): WebSocket has no reconnection of its
 * own, so the test does what the page of lesson 08 does, a new socket and a
 * {@code resume} frame from the first token it lacks.
 * </ul>
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class IndependentClientTest {

    @Test
    void anIndependentEventSourceClientResumesACutStream() throws Exception {
        TargetSolution target = TargetSolution.fromBuild();
        try (ServerProcess server = ServerProcess.start(target.jar(), target.logs().resolve("independent-client-server.log"),
                List.of("-Xmx256m"), List.of("--chat.model.first-token-delay=20ms", "--chat.model.token-delay=30ms"));
                TcpProxy proxy = new TcpProxy(waitFor(server))) {
            ChatHttp http = new ChatHttp(server.port());
            String stream = Json.parse(http.postPrompt("/api/replies", "/count 60", "application/json").body())
                    .path("stream").asString();

            Map<Integer, String> tokens = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicInteger opened = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            BackgroundEventHandler handler = new BackgroundEventHandler() {

                @Override
                public void onOpen() {
                    opened.incrementAndGet();
                }

                @Override
                public void onMessage(String event, MessageEvent message) {
                    if (event.equals("token")) {
                        int seq = Json.parse(message.getData()).path("seq").asInt();
                        if (tokens.put(seq, Json.parse(message.getData()).path("text").asString()) != null) {
                            duplicates.incrementAndGet();
                        }
                    }
                    else if (event.equals("done")) {
                        done.countDown();
                    }
                }

                @Override
                public void onClosed() {
                }

                @Override
                public void onComment(String comment) {
                }

                @Override
                public void onError(Throwable error) {
                }
            };
            EventSource.Builder client = new EventSource.Builder(URI.create("http://127.0.0.1:" + proxy.port() + stream))
                    .retryDelay(100, TimeUnit.MILLISECONDS);
            try (BackgroundEventSource source = new BackgroundEventSource.Builder(handler, client).build()) {
                source.start();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tokens.size() >= 5);
                proxy.cutAll();
                assertThat(done.await(60, TimeUnit.SECONDS)).as("the done event, after the cut").isTrue();
            }
            String text = IntStream.range(0, tokens.size()).mapToObj(tokens::get).collect(Collectors.joining());
            assertThat(text).isEqualTo(countTo(60));
            assertThat(duplicates).as("tokens received twice").hasValue(0);
            assertThat(opened.get()).as("connections opened: the first, and the reconnection").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anIndependentWebSocketClientResumesACutSocket() throws Exception {
        TargetSolution target = TargetSolution.fromBuild();
        try (ServerProcess server = ServerProcess.start(target.jar(),
                target.logs().resolve("independent-socket-client-server.log"), List.of("-Xmx256m"),
                List.of("--chat.model.first-token-delay=20ms", "--chat.model.token-delay=30ms"));
                TcpProxy proxy = new TcpProxy(waitFor(server))) {
            OkHttpResumingReader reader = new OkHttpResumingReader(proxy.port());
            reader.prompt("/count 60");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reader.tokens() >= 5);
            proxy.cutAll();
            String text = reader.awaitText(Duration.ofSeconds(60));

            assertThat(text).isEqualTo(countTo(60));
            assertThat(reader.duplicates()).as("tokens received twice").isZero();
            assertThat(reader.socketsOpened()).as("sockets opened: the first, and the one that resumed")
                    .isGreaterThanOrEqualTo(2);
            assertThat(reader.extensions()).as("what the server agreed to in the first handshake")
                    .contains("permessage-deflate");
        }
    }

    private static int waitFor(ServerProcess server) throws InterruptedException {
        server.awaitReady(Duration.ofSeconds(90));
        return server.port();
    }
}
