package com.example.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A solution's executable jar ({@code solutions/NN-* /target/solution-NN-*.jar}, built by the
 * reactor before this module) running as a process of its own on a free port of 127.0.0.1,
 * with a fast simulated model, so that a wire marker's requests can be sent to it. The
 * solutions cannot share one classpath (each has its own {@code com.example.chat}), hence
 * one process each. Closing it kills it; a shutdown hook does too if this JVM ends first.
 */
final class SolutionServer implements AutoCloseable {

    /** Every server's model: fast, so a whole reply takes milliseconds (the defaults are 300 ms and 40 ms). */
    static final Map<String, String> FAST_MODEL = Map.of("chat.model.first-token-delay", "0ms",
            "chat.model.token-delay", "1ms");

    /** The longest a wire exchange may take: a wire block shows a whole exchange, which ends. */
    static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern REPLY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;

    private final int port;

    private final Path log;

    private final Thread killer;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private SolutionServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killer = new Thread(this.process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(this.killer);
    }

    /** The jar of the solution numbered {@code number}, as the reactor packaged it. */
    static Path jarOf(Lesson lesson) {
        Path target = lesson.solution().resolve("target");
        String prefix = "solution-" + lesson.name() + "-";
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter((file) -> file.getFileName().toString().startsWith(prefix))
                    .filter((file) -> file.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar of solutions/" + lesson.name() + " in " + target
                            + ": build it first, with the reactor (./mvnw -pl curriculum -am verify)."));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts the solution's jar with the fast model and {@code properties}, and waits until it answers. */
    static SolutionServer start(Lesson lesson, Map<String, String> properties, Path logs) {
        Map<String, String> all = new LinkedHashMap<>(FAST_MODEL);
        all.putAll(properties);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jarOf(lesson).toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        all.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = logs.resolve("wire-" + lesson.number() + ".log");
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SolutionServer server = new SolutionServer(process, port, log);
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start solution " + lesson.name(), ex);
        }
    }

    /** Sends a marker's requests in order; the last one's exchange, as {@code curl} shows it. */
    Wire.Exchange exchange(List<Wire.Step> steps) {
        String id = null;
        Wire.Exchange exchange = null;
        for (Wire.Step step : steps) {
            String path = step.path();
            if (path.contains("{id}") || step.headers().values().stream().anyMatch((value) -> value.contains("{id}"))) {
                if (id == null) {
                    throw new IllegalArgumentException("\"" + step.path() + "\" names {id}, but no earlier step created a reply");
                }
            }
            String replyId = id;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", "curl/8");
            headers.put("Accept", "*/*"); // as curl does
            step.body().ifPresent((body) -> headers.put("Content-Type", "application/json"));
            step.headers().forEach((name, value) -> headers.put(name, (replyId == null) ? value : value.replace("{id}", replyId)));
            exchange = RawHttp.exchange(this.port, step.method(), (replyId == null) ? path : path.replace("{id}", replyId),
                    headers, step.body(), EXCHANGE_TIMEOUT);
            Matcher created = REPLY_ID.matcher(exchange.body());
            if (created.find()) {
                id = created.group(1);
            }
        }
        return exchange;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("The solution's server stopped before it answered; see " + this.log);
            }
            try {
                this.client.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            }
            catch (IOException ex) {
                sleep(200); // not up yet
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        close();
        throw new IllegalStateException("The solution's server did not answer within " + timeout.toSeconds() + " s; see " + this.log);
    }

    @Override
    public void close() {
        this.process.destroyForcibly();
        try {
            this.process.waitFor(30, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(this.killer);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IllegalStateException ex) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
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
