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

    /** 1,000 tokens at 40 ms each: the reply would last 40 s, far longer than either test. */
    static final String LONG_REPLY = "/count 1000";

    @Test
    @DisplayName("a client that goes away mid-stream costs one quiet log line, no stack trace")
    void aClientGoneIsLoggedQuietly(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            ChatHttp http = new ChatHttp(port(app));
            ChatHttp.Reply reply = ReplyStreams.created(http, LONG_REPLY);
            try (EventStream stream = ReplyStreams.openPath(http, reply.stream())) {
                ServerSentEvent first = ReplyStreams.next(stream, "the first token");
                assertThat(first.event()).withFailMessage("The first event was %s, expected a token (TODO-03, Hint 5).",
                        ReplyStreams.describe(first)).isEqualTo("token");
            } // closes the connection, as a closed browser tab does
            // The reply's next write fails, 40 ms later: wait for its log line, or for a stack trace.
            await().atMost(ReplyStreams.PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> output.getOut().contains(reply.id() + " stopped") || hasStackTrace(output));
            assertThat(hasStackTrace(output)).withFailMessage("After the client went away, the log shows a stack trace:"
                    + "%n%s%nA client gone is not an error: catch the IOException that emitter.send throws, log one "
                    + "line without the exception, and stop (TODO-03, Hint 7).", stackTrace(output)).isFalse();
            List<String> lines = output.getOut().lines().filter((line) -> line.contains(reply.id())).toList();
            assertThat(lines).withFailMessage("After the client went away, the log has %s about reply %s; expected "
                    + "one line such as \"Reply %s stopped after 12 tokens: the client went away.\" (TODO-03, Hint 7).",
                    lines, reply.id(), reply.id()).hasSize(1)
                    .allSatisfy((line) -> assertThat(line).contains("the client went away"));
        }
    }

    @Test
    @DisplayName("the application stops at once, as on Ctrl-C, even with a stream open")
    void stopsAtOnceWithAStreamOpen(CapturedOutput output) {
        // Closed at the end at the latest, should the test fail before it stops the application itself.
        try (ConfigurableApplicationContext app = start()) {
            ChatHttp http = new ChatHttp(port(app));
            ChatHttp.Reply reply = ReplyStreams.created(http, LONG_REPLY);
            EventStream stream = ReplyStreams.openPath(http, reply.stream());
            ServerSentEvent first = ReplyStreams.next(stream, "the first token");
            assertThat(first.event()).withFailMessage("The first event was %s, expected a token (TODO-03, Hint 5).",
                    ReplyStreams.describe(first)).isEqualTo("token");
            long start = System.nanoTime();
            app.close(); // what Spring Boot's shutdown hook does on Ctrl-C
            double closingSeconds = (System.nanoTime() - start) / 1e9;
            List<ServerSentEvent> rest = ReplyStreams.readToEnd(stream);
            assertThat(ReplyStreams.names(rest)).as("the events after the application stopped: the reply was cut")
                    .doesNotContain("done");
            // A generous margin: stopping took less than a quarter of the reply's 40 s.
            assertThat(closingSeconds).withFailMessage("Stopping the application took %.1f s with a stream open, "
                    + "expected under 10 s: server.shutdown=immediate in application.properties does it (lesson 01, "
                    + "Step 2).", closingSeconds).isLessThan(10);
            // The reply's thread finds the stream closed under it, and says so in one line.
            await().atMost(ReplyStreams.PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> output.getOut().contains(reply.id() + " stopped") || hasStackTrace(output));
            assertThat(hasStackTrace(output)).withFailMessage("After the application stopped, the log shows a stack "
                    + "trace:%n%s%nA server that stops closes the stream under the reply's thread: emitter.send then "
                    + "throws IllegalStateException. Catch it, log one line, and stop (TODO-03, Hint 7).",
                    stackTrace(output)).isFalse();
        }
    }

    private static boolean hasStackTrace(CapturedOutput output) {
        return output.getAll().contains("\tat ") || output.getAll().contains("Exception in thread");
    }

    /** The first lines of the first stack trace in the output. */
    private static String stackTrace(CapturedOutput output) {
        List<String> lines = output.getAll().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\tat ") || lines.get(i).contains("Exception in thread")) {
                int from = Math.max(0, lines.get(i).startsWith("\tat ") ? i - 1 : i);
                return String.join("\n", lines.subList(from, Math.min(lines.size(), from + 4)));
            }
        }
        return "";
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ChatApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--chat.model.first-token-delay=10ms", "--chat.model.token-delay=40ms");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
