package com.example.chat;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens to an open stream when its client goes away, or the application stops.
 * Each test starts the application itself, so it can stop it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamLifecycleTest {

    @Test
    @DisplayName("a client that goes away mid-stream costs one quiet log line, no stack trace")
    void aClientGoneIsLoggedQuietly(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            ChatHttp http = new ChatHttp(port(app));
            ChatHttp.Reply reply = http.startReply("/count 1000");
            try (EventStream stream = http.stream(reply.stream())) {
                ServerSentEvent first = stream.next(Duration.ofSeconds(30));
                assertThat(first.event()).as("first event: %s", first).isEqualTo("token");
            } // closes the connection, as a closed browser tab does
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(output.getOut()).contains(reply.id() + " stopped"));
            assertThat(output.getOut().lines().filter((line) -> line.contains(reply.id()))).hasSize(1)
                    .allSatisfy((line) -> assertThat(line).contains("the client went away"));
            // No stack trace, from this reply or anything else.
            assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
    }

    @Test
    @DisplayName("the application stops at once, as on Ctrl-C, even with a stream open")
    void stopsAtOnceWithAStreamOpen() {
        ConfigurableApplicationContext app = start();
        ChatHttp http = new ChatHttp(port(app));
        // 1,000 tokens at 40 ms each: the reply would last 40 s.
        try (EventStream stream = openStream(http, "/count 1000")) {
            ServerSentEvent first = stream.next(Duration.ofSeconds(30));
            assertThat(first.event()).as("first event: %s", first).isEqualTo("token");
            long start = System.nanoTime();
            app.close(); // what Spring Boot's shutdown hook does on Ctrl-C
            Duration closing = Duration.ofNanos(System.nanoTime() - start);
            List<ServerSentEvent> rest = stream.readToEnd(Duration.ofSeconds(30));
            assertThat(rest).as("the stream ended without its reply's end").noneMatch((e) -> e.event().equals("done"));
            // A generous margin: stopping took less than a quarter of the reply's 40 s.
            assertThat(closing).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ChatApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--chat.model.first-token-delay=10ms", "--chat.model.token-delay=40ms");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static EventStream openStream(ChatHttp http, String prompt) {
        return http.streamReply(prompt);
    }
}
