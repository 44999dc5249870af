package com.example.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What {@code ./workshop measure} found, one row per transport, as a Markdown table: each
 * figure is added as it is measured, and a figure never measured shows as a dash. A
 * transport the target does not serve gets a row that says so.
 */
final class MeasureTable {

    private static final String NONE = "–";

    private static final double MIB = 1024 * 1024;

    private final String solution;

    private final Map<Transport, Boolean> served = new EnumMap<>(Transport.class);

    private final Map<Transport, Map<ReplyReader.Connections, Percentiles>> firstToken = new EnumMap<>(Transport.class);

    private final Map<Transport, SortedMap<Integer, StreamBenchmark.Row>> open = new EnumMap<>(Transport.class);

    private final Map<Transport, Double> requestsPerReply = new EnumMap<>(Transport.class);

    private final Map<Transport, Double> bytesPerToken = new EnumMap<>(Transport.class);

    private final Map<Transport, List<Double>> cpuPerThousandTokens = new EnumMap<>(Transport.class);

    MeasureTable(String solution) {
        this.solution = solution;
    }

    synchronized void served(Transport transport, boolean served) {
        this.served.put(transport, served);
    }

    synchronized boolean isServed(Transport transport) {
        return this.served.getOrDefault(transport, false);
    }

    /** The times to first token of replies read one way, the model's own delay already taken off. */
    synchronized void firstToken(Transport transport, ReplyReader.Connections connections, List<Long> nanos) {
        this.firstToken.computeIfAbsent(transport, (t) -> new EnumMap<>(ReplyReader.Connections.class))
                .put(connections, new Percentiles(nanos));
    }

    /** One reply read through a counting proxy: the requests it took, the server's bytes per token. */
    synchronized void wire(Transport transport, TimedReply reply, long bytesFromServer) {
        this.requestsPerReply.put(transport, (double) reply.requests());
        this.bytesPerToken.put(transport, bytesFromServer / (double) reply.tokens());
    }

    synchronized void open(Transport transport, StreamBenchmark.Row row) {
        this.open.computeIfAbsent(transport, (t) -> new TreeMap<>()).put(row.streams(), row);
    }

    /** The server's CPU per 1,000 tokens, in milliseconds, one figure per round. */
    synchronized void cpu(Transport transport, double millisPerThousandTokens) {
        this.cpuPerThousandTokens.computeIfAbsent(transport, (t) -> new ArrayList<>()).add(millisPerThousandTokens);
    }

    /** The first-token percentiles (the model's delay taken off), by transport and way. */
    synchronized Map<Transport, Map<ReplyReader.Connections, Percentiles>> firstTokens() {
        Map<Transport, Map<ReplyReader.Connections, Percentiles>> copy = new EnumMap<>(Transport.class);
        this.firstToken.forEach((transport, ways) -> copy.put(transport, Map.copyOf(ways)));
        return copy;
    }

    /** The open-connection rows, by transport, then by the count of connections. */
    synchronized Map<Transport, SortedMap<Integer, StreamBenchmark.Row>> openRows() {
        Map<Transport, SortedMap<Integer, StreamBenchmark.Row>> copy = new EnumMap<>(Transport.class);
        this.open.forEach((transport, rows) -> copy.put(transport, new TreeMap<>(rows)));
        return copy;
    }

    /** The median round of server CPU per 1,000 tokens, in milliseconds, by transport. */
    synchronized Map<Transport, Double> cpuMedians() {
        Map<Transport, Double> medians = new EnumMap<>(Transport.class);
        this.cpuPerThousandTokens.forEach((transport, rounds) -> medians.put(transport, median(rounds)));
        return medians;
    }

    /** The table's lines: the header, then one row per transport, then what partly failed. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("| transport | first token, new connection, p50 / p99 | first token, warm, p50 / p99 "
                + "| heap per 1,000 open" + atConnections() + " | RSS per 1,000 open | platform threads per 1,000 open "
                + "| requests per reply | bytes per token | server CPU per 1,000 tokens |");
        lines.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        List<String> notes = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            if (!isServed(transport)) {
                lines.add("| " + transport + " | not served by " + this.solution + " |  |  |  |  |  |  |  |");
                continue;
            }
            SortedMap<Integer, StreamBenchmark.Row> rows = this.open.getOrDefault(transport, new TreeMap<>());
            rows.values().stream().filter((row) -> row.opened() < row.streams())
                    .forEach((row) -> notes.add(String.format(Locale.ROOT, "%s: %,d of %,d connections opened.",
                            transport, row.opened(), row.streams())));
            lines.add(String.join(" | ", "| " + transport, latency(transport, ReplyReader.Connections.NEW_EACH_REPLY),
                    latency(transport, ReplyReader.Connections.KEPT_OPEN),
                    perConnections(rows, (row) -> mib(row.heapPerThousandBytes())),
                    perConnections(rows, (row) -> (row.residentPerThousandBytes() < 0) ? NONE
                            : mib(row.residentPerThousandBytes())),
                    perConnections(rows, (row) -> String.format(Locale.ROOT, "%.1f", row.threadsPerThousand())),
                    number(this.requestsPerReply.get(transport), "%.0f"), number(this.bytesPerToken.get(transport), "%.1f"),
                    number(cpuMedians().get(transport), "%.1f ms")) + " |");
        }
        lines.addAll(notes);
        return lines;
    }

    private String atConnections() {
        List<Integer> counts = this.open.values().stream().flatMap((rows) -> rows.keySet().stream()).distinct().sorted()
                .toList();
        if (counts.isEmpty()) {
            return "";
        }
        return " (at " + String.join(" / ", counts.stream().map((n) -> String.format(Locale.ROOT, "%,d", n)).toList())
                + ")";
    }

    private String latency(Transport transport, ReplyReader.Connections connections) {
        Percentiles p = this.firstToken.getOrDefault(transport, Map.of()).get(connections);
        if (p == null) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.1f / %.1f ms", p.p(50) / 1e6, p.p(99) / 1e6);
    }

    private static String perConnections(SortedMap<Integer, StreamBenchmark.Row> rows,
            Function<StreamBenchmark.Row, String> figure) {
        return rows.isEmpty() ? NONE : String.join(" / ", rows.values().stream().map(figure).toList());
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    private static String number(Double value, String format) {
        return (value == null) ? NONE : String.format(Locale.ROOT, format, value);
    }

    /** The median round (the lower middle one of an even number). */
    private static double median(List<Double> rounds) {
        List<Double> sorted = rounds.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
