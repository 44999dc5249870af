package com.example.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand browsers at once, each asking for a reply and streaming it with SSE: every
 * one must get its whole reply, in order, ending with {@code done}. It checks that nothing
 * is lost under load, not how fast it goes (the figures are printed, not asserted: a
 * shared machine's speed is no property of the code). See StreamBenchmark for speed.
 */
// Whatever happens, the test ends: the clients have a deadline, and this is the last resort.
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class SseLoadTest {

    static final int CLIENTS = 1_000;

    static final int TOKENS = 20;

    /** The model's pace, fast, so that a thousand replies take seconds, not minutes. */
    static final Duration FIRST_TOKEN_DELAY = Duration.ofMillis(50);

    static final Duration TOKEN_DELAY = Duration.ofMillis(20);

    static final Duration CLIENTS_DEADLINE = Duration.ofSeconds(60);

    @Test
    void aThousandConcurrentStreamsEachGetTheirWholeReplyInOrder() throws Exception {
        TargetSolution target = TargetSolution.fromBuild();
        try (ServerProcess server = ServerProcess.start(target.jar(), target.logs().resolve("load-test-server.log"),
                List.of("-Xmx512m"),
                List.of("--chat.model.first-token-delay=" + FIRST_TOKEN_DELAY.toMillis() + "ms",
                        "--chat.model.token-delay=" + TOKEN_DELAY.toMillis() + "ms",
                        // The listen backlog (Tomcat's default is 100): a thousand clients
                        // connect in the same instant, and a full backlog drops connections
                        // that the kernel then retries only after a second or more.
                        "--server.tomcat.accept-count=1024"))) {
            server.awaitReady(Duration.ofSeconds(90));
            ChatHttp http = new ChatHttp(server.port());

            long start = System.nanoTime();
            ConcurrentClients.Results<StreamedReply> results = ConcurrentClients.run(CLIENTS, CLIENTS_DEADLINE,
                    () -> StreamedReply.read(http, "/count " + TOKENS, CLIENTS_DEADLINE));
            long wall = System.nanoTime() - start;

            List<String> problems = new ArrayList<>(results.failures());
            results.finished().forEach(reply -> problems.addAll(problemsWith(reply.events())));
            printFigures(target, results, wall);
            assertThat(problems).as("%d of %d clients had a problem; the first ones:%n%s", problems.size(), CLIENTS,
                    problems.stream().limit(10).collect(Collectors.joining("\n"))).isEmpty();
            assertThat(results.finished()).hasSize(CLIENTS);

            assertNoStreamStaysOpen(server);
        }
    }

    /** What is wrong with one client's reply to {@code /count 20}: nothing, if it is complete and in order. */
    static List<String> problemsWith(List<ServerSentEvent> events) {
        List<String> problems = new ArrayList<>();
        if (events.size() != TOKENS + 1) {
            return List.of("expected " + (TOKENS + 1) + " events, got " + events.size() + ": " + events);
        }
        StringBuilder text = new StringBuilder();
        for (int seq = 0; seq < TOKENS; seq++) {
            ServerSentEvent token = events.get(seq);
            if (!"token".equals(token.event()) || !String.valueOf(seq).equals(token.id())
                    || token.json().path("seq").asInt(-1) != seq) {
                problems.add("event " + seq + " is out of place: " + token);
            }
            text.append(token.json().path("text").asString());
        }
        String expected = countTo(TOKENS);
        if (!expected.contentEquals(text)) {
            problems.add("the text is '" + text + "', not '" + expected + "'");
        }
        ServerSentEvent done = events.getLast();
        if (!"done".equals(done.event()) || !String.valueOf(TOKENS).equals(done.id())
                || !"stop".equals(done.json().path("finishReason").asString())
                || done.json().path("tokens").asInt(-1) != TOKENS) {
            problems.add("the last event is not done/stop/" + TOKENS + ": " + done);
        }
        return problems;
    }

    /**
     * Every stream has ended, so the server's gauge of open SSE streams must come back to 0:
     * a stream it forgot would be a leak. Lesson 05 adds the gauge (Actuator); before it,
     * the check is skipped, and says so.
     */
    private static void assertNoStreamStaysOpen(ServerProcess server) throws Exception {
        OptionalDouble open = server.metric("chat.streams.active", "transport:sse");
        if (open.isEmpty()) {
            System.out.println("SseLoadTest: SKIPPED the open-streams check: the target has no "
                    + "/actuator/metrics/chat.streams.active (404); lesson 05 adds it.");
            return;
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> server.metric("chat.streams.active", "transport:sse").orElse(-1) == 0);
        System.out.println("SseLoadTest: chat.streams.active{transport=sse} came back to 0.");
    }

    private static void printFigures(TargetSolution target, ConcurrentClients.Results<StreamedReply> results,
            long wallNanos) {
        System.out.printf(Locale.ROOT, "SseLoadTest: %s, %d concurrent SSE clients, /count %d, model delays %d ms + %d ms/token%n",
                target.name(), CLIENTS, TOKENS, FIRST_TOKEN_DELAY.toMillis(), TOKEN_DELAY.toMillis());
        System.out.printf(Locale.ROOT, "SseLoadTest: %d complete, %d failed, wall time %d ms%n",
                results.finished().size(), results.failures().size(), wallNanos / 1_000_000);
        if (!results.finished().isEmpty()) {
            Percentiles ttft = new Percentiles(
                    results.finished().stream().map(StreamedReply::timeToFirstEventNanos).toList());
            System.out.printf(Locale.ROOT,
                    "SseLoadTest: time to first token p50 %d ms, p99 %d ms, max %d ms (the model's own delay: %d ms)%n",
                    ttft.p(50) / 1_000_000, ttft.p(99) / 1_000_000, ttft.max() / 1_000_000,
                    FIRST_TOKEN_DELAY.toMillis());
        }
    }
}
