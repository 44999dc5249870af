package com.example.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.example.kit.test.TcpProxy;

/**
 * Not a test: {@code ./workshop measure} runs it (the {@code measure} profile of
 * benchmarks/pom.xml). Every transport the target solution serves, side by side, one row
 * each: time to the first token on a new connection and on a warm one, what 1,000 open
 * connections cost the server (heap, RSS, platform threads), the requests a reply takes,
 * the bytes per token on the wire, and the server's CPU per 1,000 tokens.
 * <p>
 * Three kinds of server process, each started for its part: one at the model's default
 * pace for the probes and the wire; one with a fast model for the first token and the CPU;
 * a fresh one for each count of open connections, as {@link StreamBenchmark} measures them.
 */
public final class MeasureBenchmark {

    /** What a run measures: {@code --quick} for a classroom (about two minutes), else the full run. */
    enum Mode {

        QUICK(20, 50, 50, new int[] { 1_000 }, 500, 100, 1, 1),

        FULL(50, 300, 200, new int[] { 1_000, 5_000, 10_000 }, 1_000, 200, 1, 3);

        final int firstTokenWarmUp;

        final int firstTokenReplies;

        final int wireTokens;

        final int[] connections;

        final int cpuClients;

        final int cpuTokens;

        final int cpuWarmUpRounds;

        final int cpuRounds;

        Mode(int firstTokenWarmUp, int firstTokenReplies, int wireTokens, int[] connections, int cpuClients,
                int cpuTokens, int cpuWarmUpRounds, int cpuRounds) {
            this.firstTokenWarmUp = firstTokenWarmUp;
            this.firstTokenReplies = firstTokenReplies;
            this.wireTokens = wireTokens;
            this.connections = connections;
            this.cpuClients = cpuClients;
            this.cpuTokens = cpuTokens;
            this.cpuWarmUpRounds = cpuWarmUpRounds;
            this.cpuRounds = cpuRounds;
        }

        static Mode of(String[] args) {
            return Arrays.asList(args).contains("--quick") ? QUICK : FULL;
        }
    }

    /** The contract's default pace: the probes need a first token that takes a while, the wire a real pace. */
    static final List<String> DEFAULT_PACE = List.of("--chat.model.first-token-delay=300ms",
            "--chat.model.token-delay=40ms");

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private MeasureBenchmark() {
    }

    /** @param args {@code --quick}, or nothing */
    public static void main(String[] args) throws Exception {
        Mode mode = Mode.of(args);
        TargetSolution target = TargetSolution.fromBuild();
        System.out.printf(Locale.ROOT, "Measuring solution %s, %s, %s mode: %d cores, JDK %s, %s %s%n", target.name(),
                LocalDate.now(), mode.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"));
        MeasureTable table = new MeasureTable(target.name());
        wire(target, mode, table);
        firstTokenAndCpu(target, mode, table);
        for (Transport transport : Transport.values()) {
            if (table.isServed(transport)) {
                for (int connections : mode.connections) {
                    table.open(transport, StreamBenchmark.measure(target, transport, false, connections));
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Solution %s, %s mode, %d cores, JDK %s%n", target.name(),
                mode.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(), Runtime.version());
        table.lines().forEach(System.out::println);
        printMethod(mode);
        for (Path chart : MeasureCharts.write(table, target.name(), target.logs().resolve("measure"))) {
            System.out.println("Chart: " + chart);
        }
    }

    /** Which transports the target serves, and, for each, one reply through a counting proxy. */
    static void wire(TargetSolution target, Mode mode, MeasureTable table) throws Exception {
        try (ServerProcess server = ServerProcess.start(target.jar(), target.logs().resolve("measure-wire-server.log"),
                List.of(), DEFAULT_PACE)) {
            server.awaitReady(Duration.ofSeconds(90));
            for (Transport transport : Transport.values()) {
                table.served(transport, transport.servedBy(server.port()));
            }
            String prompt = "/count " + mode.wireTokens;
            System.out.printf(Locale.ROOT, "Counting the requests and bytes of '%s' over each transport...%n", prompt);
            inParallel(served(table), (transport) -> {
                try (TcpProxy proxy = new TcpProxy(server.port());
                        ReplyReader reader = transport.reader(proxy.port(), ReplyReader.Connections.KEPT_OPEN)) {
                    TimedReply reply = reader.read(prompt, TIMEOUT);
                    if (!reply.isComplete(mode.wireTokens)) {
                        throw new IllegalStateException(transport + ": " + reply.tokens() + " tokens, " + reply.finishReason());
                    }
                    // Counted as they pass, before the client reads them: the whole reply is in the count.
                    table.wire(transport, reply, proxy.bytesFromServer());
                }
            });
        }
    }

    /** One server whose model answers quickly: first the time to the first token, then the CPU under load. */
    static void firstTokenAndCpu(TargetSolution target, Mode mode, MeasureTable table) throws Exception {
        try (ServerProcess server = ServerProcess.start(target.jar(), target.logs().resolve("measure-server.log"),
                List.of("-Xmx1g"), List.of(
                        "--chat.model.first-token-delay=" + TokenCostBenchmark.FIRST_TOKEN_DELAY.toMillis() + "ms",
                        "--chat.model.token-delay=" + TokenCostBenchmark.TOKEN_DELAY.toMillis() + "ms",
                        "--server.tomcat.accept-count=2048"))) {
            server.awaitReady(Duration.ofSeconds(90));
            System.out.printf(Locale.ROOT, "Timing %d replies of '/count 1' over each transport, new and warm...%n",
                    mode.firstTokenReplies);
            List<Runnable> readers = new ArrayList<>();
            for (Transport transport : served(table)) {
                for (ReplyReader.Connections connections : ReplyReader.Connections.values()) {
                    readers.add(() -> table.firstToken(transport, connections,
                            firstTokens(server.port(), transport, connections, mode)));
                }
            }
            inParallel(readers, Runnable::run);
            for (Transport transport : served(table)) {
                System.out.printf(Locale.ROOT, "Server CPU over %s: %,d clients, each /count %d...%n", transport,
                        mode.cpuClients, mode.cpuTokens);
                for (int round = 0; round < mode.cpuWarmUpRounds + mode.cpuRounds; round++) {
                    TokenCostBenchmark.Figures figures = TokenCostBenchmark.round(server, transport, mode.cpuClients,
                            mode.cpuTokens);
                    if (round >= mode.cpuWarmUpRounds) {
                        table.cpu(transport, figures.cpuMillisPerThousandTokens().getFirst());
                    }
                }
            }
        }
    }

    /** One client reading replies one after the other, untimed first; each first token minus the model's delay. */
    private static List<Long> firstTokens(int port, Transport transport, ReplyReader.Connections connections,
            Mode mode) {
        List<Long> nanos = new ArrayList<>();
        try (ReplyReader reader = transport.reader(port, connections)) {
            for (int i = 0; i < mode.firstTokenWarmUp + mode.firstTokenReplies; i++) {
                long firstToken = reader.read("/count 1", TIMEOUT).timeToFirstTokenNanos();
                if (i >= mode.firstTokenWarmUp) {
                    nanos.add(firstToken - TokenCostBenchmark.FIRST_TOKEN_DELAY.toNanos());
                }
            }
        }
        return nanos;
    }

    private static List<Transport> served(MeasureTable table) {
        return Arrays.stream(Transport.values()).filter(table::isServed).toList();
    }

    /** A task that may throw, as the measurements do. */
    private interface Task<T> {

        void run(T item) throws Exception;
    }

    /** Runs {@code task} for every item at once, each on a virtual thread; fails if any failed. */
    private static <T> void inParallel(List<T> items, Task<T> task) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    task.run(item);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }

    private static void printMethod(Mode mode) {
        System.out.printf(Locale.ROOT, """
                First token: '/count 1', from the client's first request (or from asking for a new socket) to the \
                first token, minus the model's %d ms; %d replies each way after %d untimed (p99 of fewer than 100 is \
                the slowest), one client per transport and way, all clients at once. New connection: a new HTTP client (or socket) per reply; warm: kept-alive \
                connections (an open socket). Short polls every %d ms, long polls wait up to %d s.
                Open connections: each holds one reply idle after its first token (a waiting poll, or a client polling \
                every %d ms); heap after a full GC, RSS and platform threads, above the idle server, per 1,000; a fresh \
                server for each count.
                Requests per reply and bytes per token: one reply of '/count %d' at the default pace (300 ms, then 40 ms a \
                token) through a counting proxy, kept-alive connections; WebSocket counts the prompt frame as its request \
                and sends no extension (the JDK's client offers none).
                CPU: the server process's CPU time while %,d clients, started over %d s, each read '/count %d' (50 ms, \
                then 20 ms a token), per 1,000 tokens; the median of %d round(s).
                """, TokenCostBenchmark.FIRST_TOKEN_DELAY.toMillis(), mode.firstTokenReplies, mode.firstTokenWarmUp,
                Transport.SHORT_POLL_INTERVAL.toMillis(), Transport.LONG_POLL_WAIT.toSeconds(),
                Transport.SHORT_POLL_INTERVAL.toMillis(), mode.wireTokens, mode.cpuClients,
                TokenCostBenchmark.RAMP.toSeconds(), mode.cpuTokens, mode.cpuRounds);
    }
}
