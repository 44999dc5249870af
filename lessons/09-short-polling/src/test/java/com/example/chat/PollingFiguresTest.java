package com.example.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ReplyTexts;
import com.example.kit.test.ServerSentEvent;
import com.example.kit.test.TcpProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What short polling costs, measured here and printed: one reply read at once over SSE and
 * by a client that polls every T ms, each through a {@link TcpProxy} that counts the bytes.
 * For each: the requests it took, the bytes per token (headers and framing included), and
 * how much later each token came by polling than over SSE (SSE sends a token as soon as it
 * exists: that is the reference). It asserts only what holds on any machine: polling more
 * often takes more requests and adds less latency, and the latency added is of the order of T.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=200ms", "chat.model.token-delay=20ms" })
class PollingFiguresTest {

    static final int TOKENS = 100;

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    /** What one way of reading the reply cost. */
    record Figures(String transport, int requests, double bytesPerToken, double meanAddedMs, double maxAddedMs) {

        String row() {
            String latency = (this.meanAddedMs < 0) ? "(the reference)"
                    : String.format("%6.0f ms %6.0f ms", this.meanAddedMs, this.maxAddedMs);
            return String.format("%-24s %8d %12.1f   %s", this.transport, this.requests, this.bytesPerToken, latency);
        }
    }

    @Test
    @DisplayName("prints requests per reply, bytes per token and added latency of short polling at 100 and 400 ms, beside SSE")
    void shortPollingAgainstSse() throws Exception {
        Figures[] fast = measure(Duration.ofMillis(100));
        Figures[] slow = measure(Duration.ofMillis(400));
        System.out.printf("%nShort polling against SSE: one reply of %d tokens, one every 20 ms (about 2 s), read at once"
                + " both ways%n%-24s %8s %12s   %s%n%s%n%s%n%s%n%n", TOKENS, "", "requests", "bytes/token",
                "added latency: mean, max", fast[0].row(), fast[1].row(), slow[1].row());

        assertThat(fast[1].requests()).as("requests of a poll every 100 ms against every 400 ms")
                .isGreaterThan(slow[1].requests());
        assertThat(fast[1].meanAddedMs()).as("mean added latency of a poll every 100 ms against every 400 ms")
                .isLessThan(slow[1].meanAddedMs());
        // About T/2 on average: a token waits from when it exists to the next poll.
        assertThat(slow[1].meanAddedMs()).as("mean added latency of a poll every 400 ms").isBetween(400.0 / 4, 400.0 * 3);
    }

    /** Reads one reply at once over SSE and by polling every {@code interval}: [SSE, short poll]. */
    private Figures[] measure(Duration interval) throws Exception {
        try (TcpProxy sseProxy = new TcpProxy(this.port); TcpProxy pollProxy = new TcpProxy(this.port);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            String id = new ChatHttp(this.port).startReply("/count " + TOKENS).id();
            Future<List<ServerSentEvent>> sse = threads.submit(() -> {
                try (EventStream stream = new ChatHttp(sseProxy.port()).stream("/api/replies/" + id + "/stream")) {
                    return stream.readToEnd(TIMEOUT);
                }
            });
            List<Poller.Answer> answers = Poller.toTheEnd(new ChatHttp(pollProxy.port()), id, interval, TIMEOUT,
                    "TODO-02 (Hint 3)");
            List<ServerSentEvent> events = sse.get();
            assertThat(ReplyTexts.text(events)).as("the reply over SSE").isEqualTo(countTo(TOKENS));
            assertThat(Poller.text(answers)).as("the reply polled every %d ms", interval.toMillis())
                    .isEqualTo(countTo(TOKENS));

            // When each token came over SSE, by seq; then how much later the poll brought it.
            long[] overSse = events.stream().filter((event) -> event.event().equals("token"))
                    .mapToLong(ServerSentEvent::receivedNanos).toArray();
            double sum = 0;
            double max = 0;
            for (Poller.Answer answer : answers) {
                for (int i = 0; i < answer.tokens().size(); i++) {
                    double added = (answer.receivedNanos() - overSse[answer.from() + i]) / 1e6;
                    sum += added;
                    max = Math.max(max, added);
                }
            }
            return new Figures[] {
                    new Figures("SSE", 1, (double) sseProxy.bytesFromServer() / TOKENS, -1, -1),
                    new Figures("short poll every " + interval.toMillis() + " ms", answers.size(),
                            (double) pollProxy.bytesFromServer() / TOKENS, sum / TOKENS, max) };
        }
    }
}
