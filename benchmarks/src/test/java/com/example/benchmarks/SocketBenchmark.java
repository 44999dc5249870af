package com.example.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatSocket;
import com.example.kit.test.EventStream;
import com.example.kit.test.TcpProxy;

/**
 * Not a test (nothing runs it but the command in benchmarks/README.md): the WebSocket
 * transport's figures beside the SSE ones, on the target solution, in one run.
 * <ol>
 * <li>Time to the first token, one client at a time on a warm server whose model answers at
 * once: SSE (POST, then GET the stream, on kept-alive connections), SSE over one POST, a
 * prompt on a socket already open, and a socket opened for the prompt (its handshake
 * included).</li>
 * <li>Bytes on the wire per token, server to client, counted by a {@link TcpProxy}: SSE, and
 * WebSocket without and with {@code permessage-deflate} (RFC 7692: browsers offer it, Tomcat
 * accepts it; the JDK's client does not offer it, OkHttp's does).</li>
 * <li>What an open connection costs the server: heap (after a full GC) and live platform
 * threads per 1,000 open SSE streams and per 1,000 open sockets, each connection holding one
 * reply idle after its first token, as {@link StreamBenchmark} measures streams.</li>
 * </ol>
 */
public final class SocketBenchmark {

    static final int WARM_UP = 50;

    static final int REPLIES = 300;

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A long reply, so that the handshake and the headers weigh little per token. */
    static final int TOKENS_FOR_BYTES = 1_000;

    static final int[] CONNECTIONS = { 1_000, 5_000 };

    private SocketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TargetSolution target = TargetSolution.fromBuild();
        System.out.printf(Locale.ROOT, "SocketBenchmark: solution %s, %s, %d cores, JDK %s%n", target.name(),
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version());
        firstToken(target);
        bytesPerToken(target);
        openConnections(target);
    }

    // 1. Time to the first token

    static void firstToken(TargetSolution target) throws Exception {
        try (ServerProcess server = ServerProcess.start(target.jar(), target.logs().resolve("bench-socket-first-token.log"),
                List.of(), PostStreamBenchmark.MODEL_PACE)) {
            server.awaitReady(Duration.ofSeconds(90));
            ChatHttp http = new ChatHttp(server.port());
            Map<String, Callable<Long>> ways = new LinkedHashMap<>();
            ways.put("SSE: POST /api/replies, then GET its stream", () -> PostStreamBenchmark.firstTokenPostThenGet(http));
            ways.put("SSE over one POST /api/chat", () -> PostStreamBenchmark.firstTokenOverPost(http));
            try (ChatSocket open = ChatSocket.open(server.port(), "/ws/chat")) {
                ways.put("WebSocket: a prompt on an open socket", () -> firstTokenOnSocket(open, System.nanoTime()));
                ways.put("WebSocket: a new socket, then the prompt", () -> firstTokenOnNewSocket(server.port()));
                Map<String, List<Long>> timings = new LinkedHashMap<>();
                ways.keySet().forEach((way) -> timings.put(way, new ArrayList<>()));
                System.out.printf(Locale.ROOT, "Timing %d replies of '%s' each way, taking turns...%n", REPLIES,
                        PostStreamBenchmark.PROMPT);
                for (int i = 0; i < WARM_UP + REPLIES; i++) {
                    for (Map.Entry<String, Callable<Long>> way : ways.entrySet()) {
                        long nanos = way.getValue().call();
                        if (i >= WARM_UP) {
                            timings.get(way.getKey()).add(nanos);
                        }
                    }
                }
                String row = "| %s | %s | %s |%n";
                System.out.println();
                System.out.println("| time to the first token, the model answering at once | p50 | p99 |");
                System.out.println("|---|--:|--:|");
                timings.forEach((way, nanos) -> {
                    Percentiles p = new Percentiles(nanos);
                    System.out.printf(Locale.ROOT, row, way, PostStreamBenchmark.ms(p.p(50)),
                            PostStreamBenchmark.ms(p.p(99)));
                });
                System.out.println();
            }
        }
    }

    /** From {@code sent} to the first token frame of the prompt sent now on {@code socket}, whose reply is read to its end. */
    static long firstTokenOnSocket(ChatSocket socket, long sent) {
        return SocketReader.read(socket, sent, PostStreamBenchmark.PROMPT, TIMEOUT).timeToFirstTokenNanos();
    }

    /** From asking for a socket to the first token of a prompt sent on it: the handshake is part of the wait. */
    static long firstTokenOnNewSocket(int port) {
        long asked = System.nanoTime();
        try (ChatSocket socket = ChatSocket.open(port, "/ws/chat")) {
            return firstTokenOnSocket(socket, asked);
        }
    }

    // 2. Bytes per token

    static void bytesPerToken(TargetSolution target) throws Exception {
        String prompt = "/count " + TOKENS_FOR_BYTES;
        try (ServerProcess server = ServerProcess.start(target.jar(), target.logs().resolve("bench-socket-bytes.log"),
                List.of(), PostStreamBenchmark.MODEL_PACE)) {
            server.awaitReady(Duration.ofSeconds(90));
            System.out.printf(Locale.ROOT, "Counting the bytes of '%s' each way...%n", prompt);
            long sse = bytesFromServer(server.port(), (proxy) -> {
                try (EventStream stream = new ChatHttp(proxy.port()).streamReply(prompt)) {
                    return stream.readToEnd(TIMEOUT).stream().filter((event) -> "token".equals(event.event())).count();
                }
            });
            long plain = bytesFromServer(server.port(), (proxy) -> {
                try (ChatSocket socket = ChatSocket.open(proxy.port(), "/ws/chat")) {
                    socket.prompt(prompt, null);
                    return socket.readUntil((frame) -> frame.type().equals("done"), TIMEOUT).stream()
                            .filter((frame) -> frame.type().equals("token")).count();
                }
            });
            String[] extension = new String[1];
            long deflated = bytesFromServer(server.port(), (proxy) -> {
                OkHttpSocketReply reply = OkHttpSocketReply.read(proxy.port(), prompt, TIMEOUT);
                extension[0] = reply.extensions();
                return reply.tokens();
            });
            System.out.println();
            System.out.printf(Locale.ROOT, "| bytes from the server per token, /count %,d | bytes per token |%n",
                    TOKENS_FOR_BYTES);
            System.out.println("|---|--:|");
            System.out.printf(Locale.ROOT, "| SSE: POST /api/replies, then GET its stream | %.1f |%n",
                    sse / (double) TOKENS_FOR_BYTES);
            System.out.printf(Locale.ROOT, "| WebSocket, no extension (the JDK's client) | %.1f |%n",
                    plain / (double) TOKENS_FOR_BYTES);
            System.out.printf(Locale.ROOT, "| WebSocket, %s (OkHttp's client) | %.1f |%n",
                    (extension[0] != null) ? extension[0] : "NO extension agreed", deflated / (double) TOKENS_FOR_BYTES);
            System.out.println("Everything the server sent through a counting proxy (headers, handshake, framing), "
                    + "divided by the tokens.");
            System.out.println();
        }
    }

    /** The bytes the server sent to one client, through a proxy of its own, while {@code client} read its reply. */
    private static long bytesFromServer(int serverPort, Function<TcpProxy, Long> client) {
        try (TcpProxy proxy = new TcpProxy(serverPort)) {
            long tokens = client.apply(proxy);
            if (tokens != TOKENS_FOR_BYTES) {
                throw new IllegalStateException("Read " + tokens + " tokens, not " + TOKENS_FOR_BYTES);
            }
            // Counted as they pass, before the client reads them: all of the reply is in the count.
            return proxy.bytesFromServer();
        }
    }

    // 3. What an open connection costs

    static void openConnections(TargetSolution target) throws Exception {
        List<StreamBenchmark.Row> streams = new ArrayList<>();
        List<StreamBenchmark.Row> sockets = new ArrayList<>();
        for (int connections : CONNECTIONS) {
            streams.add(StreamBenchmark.measure(target, Transport.SSE, false, connections));
            sockets.add(StreamBenchmark.measure(target, Transport.WS, false, connections));
        }
        System.out.println();
        System.out.println("| transport | connections | opened | all open after | first token p50 | first token p99 "
                + "| heap per 1,000 | live threads per 1,000 | idle heap, threads |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < CONNECTIONS.length; i++) {
            printRow("SSE stream", streams.get(i));
            printRow("WebSocket", sockets.get(i));
        }
        System.out.println("Each connection holds one reply, idle after its first token. First token: from the POST "
                + "(SSE) or from asking for the socket (WebSocket), minus the model's own "
                + StreamBenchmark.FIRST_TOKEN_DELAY.toMillis() + " ms. Heap: used after a full GC, above the idle "
                + "baseline. Threads: platform threads (java.threads.live), above idle. Tomcat's defaults "
                + "(request threads not virtual).");
    }

    private static void printRow(String transport, StreamBenchmark.Row row) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d ms | +%,d ms | +%,d ms | %.1f MiB | %.1f | %.0f MiB, %d |%n",
                transport, row.streams(), row.opened(), row.openAllMillis(), row.ttftP50Millis(), row.ttftP99Millis(),
                row.heapPerThousandBytes() / 1048576.0, row.threadsPerThousand(), row.idleHeapBytes() / 1048576.0,
                row.idleThreads());
    }
}
