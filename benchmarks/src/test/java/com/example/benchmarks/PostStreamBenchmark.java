package com.example.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;

/**
 * Not a test: what lesson 06's one request saves before the first token. Solution 06 serves
 * both ways: {@code POST /api/chat} with {@code Accept: text/event-stream} (the prompt's POST
 * is answered with the stream), and {@code POST /api/replies} then {@code GET} its stream (two
 * requests, one after the other, as EventSource needs). One server process, the model's first
 * token at once ({@code first-token-delay=0ms}, so that only the requests are timed), one
 * client at a time over kept-alive loopback connections, the two ways taking turns:
 * {@value #WARM_UP} untimed replies each, then {@value #REPLIES} timed ones each.
 * {@code ./mvnw -B -q -pl benchmarks -am -DskipTests -Ppost-stream verify} runs it.
 */
public final class PostStreamBenchmark {

    static final int WARM_UP = 50;

    static final int REPLIES = 300;

    static final String PROMPT = "/count 1";

    static final List<String> MODEL_PACE = List.of("--chat.model.first-token-delay=0ms",
            "--chat.model.token-delay=1ms");

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private PostStreamBenchmark() {
    }

    /** @param args solution 06's jar, the folder for the server's log */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path logs = Path.of(args[1]);
        try (ServerProcess server = ServerProcess.start(jar, logs.resolve("bench-post-stream-server.log"), List.of(),
                MODEL_PACE)) {
            server.awaitReady(Duration.ofSeconds(90));
            ChatHttp http = new ChatHttp(server.port());
            List<Long> onePost = new ArrayList<>();
            List<Long> postThenGet = new ArrayList<>();
            System.out.printf(Locale.ROOT, "Timing %d replies of '%s' each way, taking turns...%n", REPLIES, PROMPT);
            for (int i = 0; i < WARM_UP + REPLIES; i++) {
                long one = firstTokenOverPost(http);
                long two = firstTokenPostThenGet(http);
                if (i >= WARM_UP) {
                    onePost.add(one);
                    postThenGet.add(two);
                }
            }
            Percentiles post = new Percentiles(onePost);
            Percentiles twoRequests = new Percentiles(postThenGet);
            String row = "%-44s  %8s  %8s%n";
            System.out.println();
            System.out.printf(Locale.ROOT, row, "time to the first token (solution 06)", "p50", "p99");
            System.out.printf(Locale.ROOT, row, "POST /api/chat, Accept: text/event-stream", ms(post.p(50)),
                    ms(post.p(99)));
            System.out.printf(Locale.ROOT, row, "POST /api/replies, then GET its stream", ms(twoRequests.p(50)),
                    ms(twoRequests.p(99)));
            System.out.println();
            System.out.printf(Locale.ROOT, "One request instead of two: the first token %s sooner at p50, on loopback.%n",
                    ms(twoRequests.p(50) - post.p(50)));
        }
    }

    /** From sending the POST to the first {@code token} event of its own response. */
    static long firstTokenOverPost(ChatHttp http) {
        long sent = System.nanoTime();
        try (EventStream stream = StreamReader.post(http, PROMPT)) {
            return firstToken(stream, sent);
        }
    }

    /** From sending the POST to the first {@code token} event of the GET stream it names. */
    static long firstTokenPostThenGet(ChatHttp http) {
        long sent = System.nanoTime();
        try (EventStream stream = http.streamReply(PROMPT)) {
            return firstToken(stream, sent);
        }
    }

    private static long firstToken(EventStream stream, long sent) {
        List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
        return events.stream().filter((event) -> "token".equals(event.event())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The stream had no token event: " + events))
                .receivedNanos() - sent;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }
}
