package com.example.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * Not a test (nothing runs it but the command in benchmarks/README.md): what a token costs
 * the server's CPU over SSE, for several solutions side by side in one run.
 * <p>
 * Each solution runs in a process of its own, warmed up first. A round is {@value #CLIENTS}
 * clients at once, each streaming {@code /count} {@value #TOKENS} (POST, then GET the stream,
 * as EventSource does), every reply read to its end and checked whole; the solutions take
 * turns, {@value #ROUNDS} rounds each. CPU: the server process's CPU time over the round
 * (the operating system's count, every thread: Tomcat, the senders, the model, the GC),
 * per 1,000 tokens sent. Meanwhile one more client asks {@code /count 1} again and again:
 * its time to the first token, minus the model's own delay, is what a new user waits while
 * the server is that busy.
 */
public final class TokenCostBenchmark {

    static final int CLIENTS = 1_000;

    static final int TOKENS = 200;

    /** The clients start one after the other over this time, as users do, not in one burst. */
    static final Duration RAMP = Duration.ofSeconds(2);

    static final int ROUNDS = 3;

    static final Duration FIRST_TOKEN_DELAY = Duration.ofMillis(50);

    static final Duration TOKEN_DELAY = Duration.ofMillis(20);

    static final Duration DEADLINE = Duration.ofSeconds(90);

    private TokenCostBenchmark() {
    }

    /** What one solution measured, over its rounds. */
    record Figures(List<Double> cpuMillisPerThousandTokens, List<Long> probeFirstTokenNanos, int failures) {
    }

    /** @param args the folder for the servers' logs, then each solution's jar */
    public static void main(String[] args) throws Exception {
        Path logs = Path.of(args[0]);
        Map<String, ServerProcess> servers = new LinkedHashMap<>();
        Map<String, Figures> figures = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "TokenCostBenchmark: %s, %d cores, JDK %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try {
            for (int i = 1; i < args.length; i++) {
                Path jar = Path.of(args[i]);
                String name = jar.getFileName().toString().replaceFirst("-\\d+\\.\\d+\\.\\d+.*$", "");
                ServerProcess server = ServerProcess.start(jar, logs.resolve("bench-token-cost-" + name + ".log"),
                        List.of("-Xmx1g"), List.of("--chat.model.first-token-delay=" + FIRST_TOKEN_DELAY.toMillis() + "ms",
                                "--chat.model.token-delay=" + TOKEN_DELAY.toMillis() + "ms",
                                "--server.tomcat.accept-count=2048"));
                servers.put(name, server);
                server.awaitReady(Duration.ofSeconds(90));
                System.out.printf(Locale.ROOT, "Warming up %s...%n", name);
                round(server); // untimed, twice: JIT, pools, the first allocations
                round(server);
                figures.put(name, new Figures(new ArrayList<>(), new ArrayList<>(), 0));
            }
            for (int r = 1; r <= ROUNDS; r++) {
                for (Map.Entry<String, ServerProcess> server : servers.entrySet()) {
                    System.out.printf(Locale.ROOT, "Round %d of %d, %s...%n", r, ROUNDS, server.getKey());
                    Figures before = figures.get(server.getKey());
                    Figures round = round(server.getValue());
                    before.cpuMillisPerThousandTokens().addAll(round.cpuMillisPerThousandTokens());
                    before.probeFirstTokenNanos().addAll(round.probeFirstTokenNanos());
                    figures.put(server.getKey(), new Figures(before.cpuMillisPerThousandTokens(),
                            before.probeFirstTokenNanos(), before.failures() + round.failures()));
                }
            }
        }
        finally {
            servers.values().forEach(ServerProcess::close);
        }
        print(figures);
    }

    /** One round on one server: the load over SSE, with the probe alongside. */
    static Figures round(ServerProcess server) throws Exception {
        return round(server, Transport.SSE, CLIENTS, TOKENS);
    }

    /**
     * One round: {@code clients} clients started over {@link #RAMP}, each reading a reply of
     * {@code /count tokens} over {@code transport} (its own connections, kept open), and the
     * probe alongside, over the same transport; the server's CPU time over the round, per
     * 1,000 tokens of the complete replies.
     */
    static Figures round(ServerProcess server, Transport transport, int clients, int tokens) throws Exception {
        List<Long> probe = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread prober = Thread.ofVirtual().start(() -> {
            try (ReplyReader own = transport.reader(server.port(), ReplyReader.Connections.KEPT_OPEN)) {
                while (loading.get()) {
                    TimedReply reply = own.read("/count 1", DEADLINE);
                    if (reply.tokens() > 0) {
                        probe.add(reply.timeToFirstTokenNanos() - FIRST_TOKEN_DELAY.toNanos());
                    }
                }
            }
        });
        Duration cpuBefore = server.cpuTime();
        AtomicInteger started = new AtomicInteger();
        ConcurrentClients.Results<TimedReply> load = ConcurrentClients.run(clients, DEADLINE, () -> {
            Thread.sleep(RAMP.toMillis() * started.getAndIncrement() / clients);
            try (ReplyReader reader = transport.reader(server.port(), ReplyReader.Connections.KEPT_OPEN)) {
                return reader.read("/count " + tokens, DEADLINE);
            }
        });
        Duration cpu = server.cpuTime().minus(cpuBefore);
        loading.set(false);
        prober.join();
        int failures = load.failures().size();
        for (TimedReply reply : load.finished()) {
            if (!reply.isComplete(tokens)) {
                failures++;
            }
        }
        if (failures > 0) {
            System.out.printf(Locale.ROOT, "TokenCostBenchmark: %d of %d %s replies incomplete%s%n", failures, clients,
                    transport, load.failures().isEmpty() ? "" : "; the first failure: " + load.failures().getFirst());
        }
        double thousands = (clients - failures) * tokens / 1000.0;
        return new Figures(List.of(cpu.toNanos() / 1e6 / thousands), probe, failures);
    }

    static void print(Map<String, Figures> figures) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| solution | server CPU per 1,000 tokens (each round) | median | probe's first token "
                + "minus the model's %d ms, p50 | p99 | incomplete replies |%n", FIRST_TOKEN_DELAY.toMillis());
        System.out.println("|---|---|--:|--:|--:|--:|");
        figures.forEach((name, f) -> {
            List<Double> cpu = f.cpuMillisPerThousandTokens().stream().sorted().toList();
            Percentiles probe = new Percentiles(f.probeFirstTokenNanos());
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", name,
                    String.join(", ", f.cpuMillisPerThousandTokens().stream()
                            .map((ms) -> String.format(Locale.ROOT, "%.1f ms", ms)).toList()),
                    cpu.get(cpu.size() / 2), probe.p(50) / 1e6, probe.p(99) / 1e6, f.failures());
        });
        System.out.printf(Locale.ROOT, "Each round: %,d clients started over %d s, then streaming at once, each /count %d over SSE (POST, then GET), "
                + "the model %d ms to the first token, then %d ms per token; the probe: /count 1 again and again "
                + "during the round.%n", CLIENTS, RAMP.toSeconds(), TOKENS, FIRST_TOKEN_DELAY.toMillis(), TOKEN_DELAY.toMillis());
    }
}
