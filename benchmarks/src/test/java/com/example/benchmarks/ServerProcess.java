package com.example.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.kit.test.Json;

/**
 * A solution's executable jar running as a separate process on a free port of 127.0.0.1,
 * its output in a log file. A process of its own, as in production: the server's heap and
 * threads are not mixed with the clients', and it can be measured with {@code jcmd}.
 * Closing it kills it; a shutdown hook kills it too if the JVM that started it ends first.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

    private final Process process;

    private final int port;

    private final Path log;

    private final Thread killer;

    // Its own client for the few control requests (ready? a metric?), apart from the load.
    private final HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killer = new Thread(this::kill);
        Runtime.getRuntime().addShutdownHook(this.killer);
    }

    /** Starts {@code java [jvmOptions] -jar jar --server.port=... [arguments]}. */
    static ServerProcess start(Path jar, Path log, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(JAVA_BIN.resolve("java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new ServerProcess(process, port, log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + jar, ex);
        }
    }

    int port() {
        return this.port;
    }

    long pid() {
        return this.process.pid();
    }

    Path log() {
        return this.log;
    }

    /** Waits until {@code GET /} answers anything at all. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("The server stopped before it answered; see " + this.log);
            }
            try {
                this.control.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            }
            catch (IOException ex) {
                Thread.sleep(200); // not up yet: poll again
            }
        }
        throw new IllegalStateException("The server did not answer within " + timeout + "; see " + this.log);
    }

    /**
     * The CPU time the server's process has used so far, all its threads together (the
     * operating system's count, as {@code top} shows it).
     */
    Duration cpuTime() {
        return this.process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This system does not report a process's CPU time"));
    }

    /**
     * A meter's value from Spring Boot Actuator, {@code /actuator/metrics/{name}?tag={tag}};
     * empty when the server answers 404 (no actuator, or no such meter yet).
     */
    OptionalDouble metric(String name, String tag) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/actuator/metrics/" + name + "?tag=" + tag))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = this.control.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return OptionalDouble.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode());
        }
        return OptionalDouble.of(Json.parse(response.body()).path("measurements").path(0).path("value").asDouble());
    }

    /**
     * Bytes of heap in use after a full GC, read with {@code jcmd}: {@code GC.run}, then
     * {@code GC.heap_info}. Works on any solution, with or without Actuator. The server
     * must run G1 ({@code -XX:+UseG1GC}), whose report this reads.
     */
    long heapUsedAfterGc() {
        jcmd("GC.run");
        String report = jcmd("GC.heap_info");
        // "garbage-first heap   total reserved 524288K, committed 65536K, used 23456K [...]"
        Matcher used = Pattern.compile("garbage-first heap.*?used (\\d+)K").matcher(report);
        if (!used.find()) {
            throw new IllegalStateException("No G1 heap in jcmd GC.heap_info:\n" + report);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /**
     * The server's resident set size, the memory the operating system has given the process
     * (heap, thread stacks, buffers, code: what {@code top} shows as RES), from Linux's
     * {@code /proc/<pid>/status}; -1 where there is no such file (macOS, Windows).
     */
    long residentBytes() {
        Path status = Path.of("/proc", String.valueOf(pid()), "status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            return residentBytes(Files.readString(status));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code VmRSS:    123456 kB} in a {@code /proc/<pid>/status}, in bytes. */
    static long residentBytes(String status) {
        Matcher rss = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB").matcher(status);
        if (!rss.find()) {
            throw new IllegalStateException("No VmRSS line in:\n" + status);
        }
        return Long.parseLong(rss.group(1)) * 1024;
    }

    /**
     * The server's live platform threads (the JVM's counter {@code java.threads.live}, which
     * is also what Actuator's {@code jvm.threads.live} reports). Virtual threads are not counted.
     */
    int liveThreads() {
        Matcher live = Pattern.compile("java\\.threads\\.live=(\\d+)").matcher(jcmd("PerfCounter.print"));
        if (!live.find()) {
            throw new IllegalStateException("jcmd PerfCounter.print has no java.threads.live");
        }
        return Integer.parseInt(live.group(1));
    }

    /** Runs {@code jcmd <pid> <command>} with the JDK that runs this code; its output. */
    String jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of(JAVA_BIN.resolve("jcmd").toString(), String.valueOf(pid())));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
            return output;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** Kills the server (it has nothing to save); waits until it is gone. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(this.killer);
        }
        catch (IllegalStateException ex) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void kill() {
        this.process.destroyForcibly();
        try {
            this.process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port", ex);
        }
    }
}
