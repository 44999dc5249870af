package com.example.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The charts of {@code ./workshop measure}, drawn with XChart from its table's figures, as
 * PNG files a learner opens: the first token per transport, the heap per 1,000 open
 * connections against their count, and the server's CPU per 1,000 tokens.
 */
final class MeasureCharts {

    private static final int WIDTH = 900;

    private static final int HEIGHT = 540;

    private MeasureCharts() {
    }

    /** Writes the charts into {@code folder}; the files written. */
    static List<Path> write(MeasureTable table, String solution, Path folder) {
        System.setProperty("java.awt.headless", "true"); // no display: draw in memory
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            // A chart only for what was measured: XChart draws no chart without a series.
            if (!table.firstTokens().isEmpty()) {
                written.add(save(firstToken(table, solution), folder.resolve("first-token.png")));
            }
            if (!table.openRows().isEmpty()) {
                written.add(save(heap(table, solution), folder.resolve("heap-per-1000.png")));
            }
            if (!table.cpuMedians().isEmpty()) {
                written.add(save(cpu(table, solution), folder.resolve("cpu-per-1000-tokens.png")));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return written;
    }

    static CategoryChart firstToken(MeasureTable table, String solution) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Time to the first token, minus the model's delay (" + solution + ")").xAxisTitle("transport")
                .yAxisTitle("ms").build();
        Map<Transport, Map<ReplyReader.Connections, Percentiles>> firstTokens = table.firstTokens();
        List<String> transports = firstTokens.keySet().stream().map((transport) -> transport.word).toList();
        for (ReplyReader.Connections connections : ReplyReader.Connections.values()) {
            String way = (connections == ReplyReader.Connections.KEPT_OPEN) ? "warm" : "new connection";
            for (int percent : new int[] { 50, 99 }) {
                chart.addSeries(way + ", p" + percent, transports, firstTokens.values().stream()
                        .map((ways) -> ways.get(connections).p(percent) / 1e6).toList());
            }
        }
        return chart;
    }

    static XYChart heap(MeasureTable table, String solution) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Heap per 1,000 open connections (" + solution + ")").xAxisTitle("open connections")
                .yAxisTitle("MiB per 1,000").build();
        chart.getStyler().setYAxisMin(0.0); // from zero, so that the heights compare
        for (Map.Entry<Transport, SortedMap<Integer, StreamBenchmark.Row>> rows : table.openRows().entrySet()) {
            chart.addSeries(rows.getKey().word, new ArrayList<>(rows.getValue().keySet()), rows.getValue().values()
                    .stream().map((row) -> row.heapPerThousandBytes() / (1024.0 * 1024)).toList());
        }
        return chart;
    }

    static CategoryChart cpu(MeasureTable table, String solution) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Server CPU per 1,000 tokens (" + solution + ")").xAxisTitle("transport").yAxisTitle("ms")
                .build();
        Map<Transport, Double> cpu = table.cpuMedians();
        chart.addSeries("CPU time", cpu.keySet().stream().map((transport) -> transport.word).toList(),
                new ArrayList<>(cpu.values()));
        return chart;
    }

    private static Path save(Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
        return file;
    }
}
