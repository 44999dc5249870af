package com.example.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a chat that serves polling, for the harness's own tests (the solutions
 * that serve polling are written in parallel with this harness): {@code POST /api/replies}
 * creates reply {@code r1}, and a poll of it is answered with what {@code answer} gives for
 * its {@code from}. It records every poll's query string.
 */
final class FakePollingServer implements AutoCloseable {

    private final HttpServer server;

    private final List<String> queries = new CopyOnWriteArrayList<>();

    private final List<Long> pollNanos = new CopyOnWriteArrayList<>();

    /** {@code answer}: the status and JSON body of a poll from {@code from}. */
    record Answer(int status, String json) {
    }

    FakePollingServer(IntFunction<Answer> answer) {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/api/replies", (exchange) -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/replies")) {
                respond(exchange, 201, "{\"id\":\"r1\",\"stream\":\"/api/replies/r1/stream\"}");
            }
            else if (path.equals("/api/replies/r1/tokens")) {
                String query = exchange.getRequestURI().getQuery();
                this.queries.add(query);
                this.pollNanos.add(System.nanoTime());
                int from = Integer.parseInt(query.replaceAll("^from=(\\d+).*$", "$1"));
                Answer reply = answer.apply(from);
                respond(exchange, reply.status(), reply.json());
            }
            else {
                respond(exchange, 404, "{\"status\":404}");
            }
        });
        this.server.start();
    }

    int port() {
        return this.server.getAddress().getPort();
    }

    /** The query string of each poll, in order. */
    List<String> queries() {
        return List.copyOf(this.queries);
    }

    /** When each poll came. */
    List<Long> pollNanos() {
        return List.copyOf(this.pollNanos);
    }

    /** The contract's answer: tokens {@code from..to-1} of {@code /count}, {@code done} when {@code to} is the last. */
    static Answer tokens(int from, int to, int last) {
        StringBuilder tokens = new StringBuilder();
        for (int seq = from; seq < to; seq++) {
            tokens.append(tokens.isEmpty() ? "" : ",").append("{\"seq\":").append(seq).append(",\"text\":\"")
                    .append(seq == 0 ? "" : " ").append(seq + 1).append("\"}");
        }
        boolean done = to == last;
        return new Answer(200, "{\"id\":\"r1\",\"tokens\":[" + tokens + "],\"next\":" + to + ",\"done\":" + done
                + ",\"finishReason\":" + (done ? "\"stop\"" : "null") + "}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                (status < 400) ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
