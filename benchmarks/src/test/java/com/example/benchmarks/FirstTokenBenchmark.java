package com.example.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatHttp.TimedResponse;
import com.example.kit.test.Json;
import com.example.kit.test.ServerSentEvent;

/**
 * Not a test: what streaming changes for the one who waits, the time to the first token.
 * Lesson 01's solution answers {@code POST /api/chat} with the whole reply at the end; lesson
 * 02's streams it with SSE ({@code POST /api/replies}, then {@code GET} its stream). Both run
 * as processes of their own, with the model's default pace stated here (so that no setting
 * can change it), and answer the same prompt one client at a time: a warm-up reply each, then
 * {@value #REPLIES} timed ones. {@code ./workshop bench} runs it; so does
 * {@code ./mvnw -B -q -pl benchmarks -am -DskipTests -Pfirst-token verify}.
 */
public final class FirstTokenBenchmark {

    static final int REPLIES = 20;

    static final String PROMPT = "/count 50";

    static final List<String> MODEL_PACE = List.of("--chat.model.first-token-delay=300ms",
            "--chat.model.token-delay=40ms");

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    /** When the first token and the last one came, from the moment the reply was asked for. */
    record Reply(long firstTokenNanos, long lastTokenNanos) {
    }

    /** One lesson's replies. */
    record Timings(String lesson, List<Reply> replies) {

        Percentiles firstToken() {
            return new Percentiles(this.replies.stream().map(Reply::firstTokenNanos).toList());
        }

        Percentiles lastToken() {
            return new Percentiles(this.replies.stream().map(Reply::lastTokenNanos).toList());
        }
    }

    private FirstTokenBenchmark() {
    }

    /** @param args the blocking solution's jar, the streaming solution's jar, the folder for the servers' logs */
    public static void main(String[] args) throws Exception {
        Path blockingJar = Path.of(args[0]);
        Path streamingJar = Path.of(args[1]);
        Path logs = Path.of(args[2]);
        try (ServerProcess blocking = ServerProcess.start(blockingJar, logs.resolve("bench-blocking-server.log"),
                List.of(), MODEL_PACE);
                ServerProcess streaming = ServerProcess.start(streamingJar,
                        logs.resolve("bench-streaming-server.log"), List.of(), MODEL_PACE)) {
            blocking.awaitReady(Duration.ofSeconds(90));
            streaming.awaitReady(Duration.ofSeconds(90));
            // 50 tokens: 300 ms, then 49 x 40 ms, about 2.3 s a reply.
            System.out.printf(Locale.ROOT, "Timing %d replies of '%s' from each (about %d s)...%n", REPLIES, PROMPT,
                    REPLIES * 2 * 23 / 10);
            ChatHttp blockingHttp = new ChatHttp(blocking.port());
            ChatHttp streamingHttp = new ChatHttp(streaming.port());
            Timings first = measure(name(blockingJar), () -> blockingReply(blockingHttp));
            Timings second = measure(name(streamingJar), () -> streamedReply(streamingHttp));
            System.out.println();
            print(first, second);
        }
    }

    /** "solution-01-blocking-chat-1.0.0-SNAPSHOT.jar" -> "01-blocking-chat". */
    static String name(Path jar) {
        return jar.getFileName().toString().replaceFirst("^solution-", "").replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$",
                "");
    }

    /** One untimed reply first, so that the server and the client are warm, then the timed ones, one by one. */
    static Timings measure(String lesson, Supplier<Reply> reply) {
        reply.get();
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            replies.add(reply.get());
        }
        return new Timings(lesson, replies);
    }

    /** Lesson 01: the whole reply in one JSON body, so its first byte is its first token. */
    static Reply blockingReply(ChatHttp http) {
        TimedResponse response = http.timePost("/api/chat", Json.object("prompt", PROMPT), "application/json");
        if (response.status() != 200) {
            throw new IllegalStateException("POST /api/chat answered " + response.status() + ": " + response.body());
        }
        return new Reply(response.firstByteNanos(), response.lastByteNanos());
    }

    /** Lesson 02: the first {@code token} event, and the end of the stream, which the server closes after {@code done}. */
    static Reply streamedReply(ChatHttp http) {
        StreamedReply reply = StreamedReply.read(http, PROMPT, REPLY_TIMEOUT);
        ServerSentEvent firstToken = reply.events().stream().filter((event) -> "token".equals(event.event()))
                .findFirst().orElseThrow(() -> new IllegalStateException("The stream had no token event: "
                        + reply.events()));
        return new Reply(firstToken.receivedNanos() - reply.sentNanos(),
                reply.events().getLast().receivedNanos() - reply.sentNanos());
    }

    static void print(Timings blocking, Timings streaming) {
        int width = Math.max("lesson".length(), Math.max(blocking.lesson().length(), streaming.lesson().length()));
        String row = "%-" + width + "s  %16s  %16s  %15s%n";
        System.out.printf(Locale.ROOT, row, "lesson", "first token p50", "first token p90", "last token p50");
        for (Timings timings : List.of(blocking, streaming)) {
            System.out.printf(Locale.ROOT, row, timings.lesson(), ms(timings.firstToken().p(50)),
                    ms(timings.firstToken().p(90)), ms(timings.lastToken().p(50)));
        }
        System.out.println();
        System.out.println(conclusion(blocking, streaming));
    }

    /** The figures in one sentence, computed, not written in advance. */
    static String conclusion(Timings blocking, Timings streaming) {
        double ratio = (double) blocking.firstToken().p(50) / Math.max(1, streaming.firstToken().p(50));
        String first = ratio >= 1.1 ? String.format(Locale.ROOT, "streaming shows the first token %.1fx sooner", ratio)
                : ratio <= 0.9 ? String.format(Locale.ROOT, "streaming shows the first token %.1fx later", 1 / ratio)
                        : "both show the first token at about the same time";
        double lastBlocking = blocking.lastToken().p(50);
        double lastDifference = (streaming.lastToken().p(50) - lastBlocking) / Math.max(1, lastBlocking);
        String last = Math.abs(lastDifference) < 0.1 ? "the whole reply takes about as long either way"
                : String.format(Locale.ROOT, "the whole reply takes %.0f%% %s with streaming",
                        Math.abs(lastDifference) * 100, lastDifference > 0 ? "longer" : "less");
        return first + " (p50), and " + last + ".";
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", TimeUnit.NANOSECONDS.toMillis(nanos));
    }
}
