package com.example.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.example.kit.test.ChatHttp;

/**
 * Not a test (nothing runs it but the command in benchmarks/README.md): what many open SSE
 * streams cost the target solution, with Tomcat's request threads virtual or not.
 * <p>
 * For each setting, a fresh server: a short warm-up, an idle baseline, then N clients at
 * once, each POSTing a prompt and holding its stream open after the first token. With all
 * N open, it measures the server's heap (after a full GC) and live platform threads with
 * {@code jcmd}, and reports them per 1,000 streams above the idle baseline.
 */
public final class StreamBenchmark {

    static final int[] STREAMS = { 1_000, 5_000 };

    /** The model's default first-token delay: subtracted from the time to first token. */
    static final Duration FIRST_TOKEN_DELAY = Duration.ofMillis(300);

    /**
     * So long that no second token comes while the streams are measured: each stream is
     * then open and idle, the server holding its connection, its reader and its generator.
     */
    static final Duration TOKEN_DELAY = Duration.ofMinutes(10);

    static final String LONG_PROMPT = "/count 100000";

    /** Each setting's clients must all have their first token within this, or count as failed. */
    static final Duration CLIENTS_DEADLINE = Duration.ofSeconds(90);

    /**
     * A heap large enough not to be the limit: solution 04 holds about 100 KB of heap per
     * open stream, so 5,000 streams ran out of a 512 MB heap (OutOfMemoryError in Tomcat's
     * threads). G1, named, because heapUsedAfterGc reads G1's report.
     */
    static final List<String> SERVER_JVM = List.of("-Xmx2g", "-XX:+UseG1GC");

    /** One line of the table. */
    record Row(boolean virtualThreads, int streams, int opened, long openAllMillis, long ttftP50Millis,
            long ttftP99Millis, long idleHeapBytes, long heapPerThousandBytes, int idleThreads,
            double threadsPerThousand, long residentPerThousandBytes) {
    }

    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TargetSolution target = TargetSolution.fromBuild();
        System.out.printf(Locale.ROOT, "StreamBenchmark: %s, %s, %d cores, JDK %s%n", target.name(), target.jar(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Row> rows = new ArrayList<>();
        for (boolean virtualThreads : new boolean[] { false, true }) {
            for (int streams : STREAMS) {
                rows.add(measure(target, virtualThreads, streams));
            }
        }
        printTable(target, rows);
    }

    static Row measure(TargetSolution target, boolean virtualThreads, int streams) throws Exception {
        return measure(target, Transport.SSE, virtualThreads, streams);
    }

    /**
     * What {@code connections} open connections of {@code transport} cost a fresh server:
     * warmed up with short replies read that way, then each client holding one reply after
     * its first token (a stream, a socket, or a client polling).
     */
    static Row measure(TargetSolution target, Transport transport, boolean virtualThreads, int connections)
            throws Exception {
        return measure(target, transport.word, virtualThreads, connections, (http, port) -> {
            try (ReplyReader reader = transport.reader(port, ReplyReader.Connections.KEPT_OPEN)) {
                return reader.read("/count 1", CLIENTS_DEADLINE);
            }
        }, (http, port) -> transport.open(http, port, LONG_PROMPT, CLIENTS_DEADLINE));
    }

    /** A client's task, given the server's HTTP client and port. */
    interface Client<T> {

        T run(ChatHttp http, int port) throws Exception;
    }

    /**
     * What {@code connections} open connections cost a fresh server: after {@code warmUp}
     * (200 clients) and an idle baseline, that many clients at once {@code open} a
     * connection each, holding one reply idle after its first token; with all of them open,
     * the heap after a full GC and the live platform threads, per 1,000 above the baseline.
     */
    static <T extends OpenConnection> Row measure(TargetSolution target, String transport, boolean virtualThreads,
            int connections, Client<?> warmUp, Client<T> open) throws Exception {
        System.out.printf(Locale.ROOT, "%,d open %s connections, spring.threads.virtual.enabled=%s...%n", connections,
                transport, virtualThreads);
        Path log = target.logs().resolve("benchmark-server-" + transport + "-" + connections
                + (virtualThreads ? "-virtual" : "-platform") + ".log");
        try (ServerProcess server = ServerProcess.start(target.jar(), log, SERVER_JVM,
                List.of("--spring.threads.virtual.enabled=" + virtualThreads,
                        "--chat.model.first-token-delay=" + FIRST_TOKEN_DELAY.toMillis() + "ms",
                        "--chat.model.token-delay=" + TOKEN_DELAY.toMinutes() + "m",
                        // The listen backlog (Tomcat's default is 100; Linux caps it at
                        // net.core.somaxconn, 4096 here): thousands of clients connect in the
                        // same instant, and a full backlog drops connections that the kernel
                        // retries only a second or more later. That would measure the backlog,
                        // not the threads.
                        "--server.tomcat.accept-count=4096",
                        // Tomcat takes 8,192 connections at most by default; 10,000 streams need more.
                        "--server.tomcat.max-connections=" + Math.max(8192, connections + 1000)))) {
            server.awaitReady(Duration.ofSeconds(90));
            ChatHttp http = new ChatHttp(server.port());

            // Warm-up: JIT, Tomcat's threads, the first replies' allocations; then the baseline.
            ConcurrentClients.run(200, CLIENTS_DEADLINE, () -> warmUp.run(http, server.port()));
            long idleHeap = server.heapUsedAfterGc();
            int idleThreads = server.liveThreads();
            long idleResident = server.residentBytes();

            long start = System.nanoTime();
            ConcurrentClients.Results<T> opened = ConcurrentClients.run(connections, CLIENTS_DEADLINE,
                    () -> open.run(http, server.port()));
            long openAll = System.nanoTime() - start;
            try {
                if (!opened.failures().isEmpty()) {
                    System.out.printf(Locale.ROOT, "%d %s connections failed, the first: %s%n",
                            opened.failures().size(), transport, opened.failures().getFirst());
                }
                // Measured while every connection that opened is still open.
                long heap = server.heapUsedAfterGc();
                int threads = server.liveThreads();
                long resident = server.residentBytes();
                double thousands = opened.finished().size() / 1000.0;
                Percentiles ttft = new Percentiles(
                        opened.finished().stream().map(OpenConnection::timeToFirstTokenNanos).toList());
                return new Row(virtualThreads, connections, opened.finished().size(), openAll / 1_000_000,
                        ttft.p(50) / 1_000_000 - FIRST_TOKEN_DELAY.toMillis(),
                        ttft.p(99) / 1_000_000 - FIRST_TOKEN_DELAY.toMillis(), idleHeap,
                        Math.round((heap - idleHeap) / thousands), idleThreads, (threads - idleThreads) / thousands,
                        (resident < 0) ? -1 : Math.round((resident - idleResident) / thousands));
            }
            finally {
                opened.finished().forEach(OpenConnection::close);
            }
        }
    }

    static void printTable(TargetSolution target, List<Row> rows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Measured on solution %s, %s, %d cores, JDK %s%n", target.name(), LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| server virtual threads | streams | opened | all open after | first token p50 | "
                + "first token p99 | heap per 1,000 streams | live threads per 1,000 streams | idle heap, threads |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d ms | +%,d ms | +%,d ms | %.1f MiB | %.1f | %.0f MiB, %d |%n",
                    row.virtualThreads() ? "on" : "off", row.streams(), row.opened(), row.openAllMillis(),
                    row.ttftP50Millis(), row.ttftP99Millis(), row.heapPerThousandBytes() / 1048576.0,
                    row.threadsPerThousand(), row.idleHeapBytes() / 1048576.0, row.idleThreads());
        }
        System.out.println("First token: from the client's POST to the first token event, minus the model's own "
                + FIRST_TOKEN_DELAY.toMillis() + " ms. Heap: used after a full GC (jcmd GC.run, GC.heap_info), "
                + "above the idle baseline. Threads: platform threads (java.threads.live), above idle.");
    }
}
