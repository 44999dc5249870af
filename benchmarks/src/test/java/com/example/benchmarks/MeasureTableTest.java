package com.example.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The table {@code ./workshop measure} prints: one row per transport, the figures computed from what was measured. */
class MeasureTableTest {

    private static final long MIB = 1024 * 1024;

    private static StreamBenchmark.Row open(int connections, int opened, long heapPerThousand, double threads,
            long residentPerThousand) {
        return new StreamBenchmark.Row(false, connections, opened, 1_000, 10, 20, 40 * MIB, heapPerThousand, 218,
                threads, residentPerThousand);
    }

    @Test
    void oneRowPerTransportWithEveryFigureAndTheOnesNotServedSaidSo() {
        MeasureTable table = new MeasureTable("08-websocket-by-hand");
        for (Transport transport : Transport.values()) {
            table.served(transport, transport == Transport.SSE || transport == Transport.WS);
        }
        table.firstToken(Transport.SSE, ReplyReader.Connections.NEW_EACH_REPLY,
                List.of(3_000_000L, 1_000_000L, 2_000_000L));
        table.firstToken(Transport.SSE, ReplyReader.Connections.KEPT_OPEN, List.of(500_000L));
        table.open(Transport.SSE, open(5_000, 5_000, 100 * MIB, 0, 120 * MIB));
        table.open(Transport.SSE, open(1_000, 1_000, 90 * MIB, 0.5, 110 * MIB));
        table.wire(Transport.SSE, new TimedReply(0, List.of(1L, 2L, 3L, 4L), 2, "stop"), 226);
        table.cpu(Transport.SSE, 50.0);
        table.cpu(Transport.SSE, 40.0);
        table.cpu(Transport.SSE, 60.0);
        table.open(Transport.WS, open(1_000, 990, 80 * MIB, 1.0, -1));

        List<String> lines = table.lines();

        assertThat(lines.get(0)).contains("heap per 1,000 open (at 1,000 / 5,000)");
        assertThat(lines).hasSize(2 + Transport.values().length + 1);
        assertThat(lines.get(2)).isEqualTo("| sse | 2.0 / 3.0 ms | 0.5 / 0.5 ms | 90.0 MiB / 100.0 MiB "
                + "| 110.0 MiB / 120.0 MiB | 0.5 / 0.0 | 2 | 56.5 | 50.0 ms |");
        assertThat(lines.get(3)).as("a figure never measured is a dash; RSS unknown off Linux")
                .isEqualTo("| fetch | not served by 08-websocket-by-hand |  |  |  |  |  |  |  |");
        assertThat(lines.get(4)).isEqualTo("| ws | – | – | 80.0 MiB | – | 1.0 | – | – | – |");
        assertThat(lines.get(5)).startsWith("| long-poll | not served by");
        assertThat(lines.getLast()).isEqualTo("ws: 990 of 1,000 connections opened.");
    }

    @Test
    void theChartsAreDrawnForWhatWasMeasured(@TempDir Path folder) throws Exception {
        MeasureTable table = new MeasureTable("08-websocket-by-hand");
        table.served(Transport.SSE, true);
        table.firstToken(Transport.SSE, ReplyReader.Connections.NEW_EACH_REPLY, List.of(3_000_000L));
        table.firstToken(Transport.SSE, ReplyReader.Connections.KEPT_OPEN, List.of(2_000_000L));
        table.open(Transport.SSE, open(1_000, 1_000, 90 * MIB, 0, 110 * MIB));

        List<Path> charts = MeasureCharts.write(table, "08-websocket-by-hand", folder);

        assertThat(charts).as("no CPU measured, no CPU chart")
                .containsExactly(folder.resolve("first-token.png"), folder.resolve("heap-per-1000.png"));
        for (Path chart : charts) {
            byte[] png = Files.readAllBytes(chart);
            assertThat(png).as(chart + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).isGreaterThan(5_000);
        }
    }

    @Test
    void theResidentSetSizeIsReadFromProcStatus() {
        assertThat(ServerProcess.residentBytes("Name:\tjava\nVmHWM:\t  999 kB\nVmRSS:\t  123456 kB\nThreads:\t40\n"))
                .isEqualTo(123456L * 1024);
    }
}
