package com.example.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;

/**
 * A real HTTP client for a chat served on a random local port: the JDK's
 * {@link HttpClient}, over HTTP/1.1 as a browser talks to a plain-HTTP server.
 */
public final class ChatHttp {

    static final HttpClient CLIENT = newClient();

    private final String baseUrl;

    private final HttpClient client;

    /** Shares one client, and so its kept-alive connections, with every other {@code ChatHttp}. */
    public ChatHttp(int port) {
        this(port, CLIENT);
    }

    /**
     * Sends through {@code client}: a new client has no connection yet, so its first request
     * opens one (what a benchmark needs to time a reply on a new connection).
     */
    public ChatHttp(int port, HttpClient client) {
        this.baseUrl = "http://localhost:" + port;
        this.client = client;
    }

    /** A client like the shared one (HTTP/1.1, 10 s to connect), with connections of its own. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI uri(String path) {
        return URI.create(this.baseUrl + path);
    }

    /** POSTs {@code {"prompt": prompt}} with the given {@code Accept}. */
    public HttpResponse<String> postPrompt(String path, String prompt, String accept) {
        return post(path, Json.object("prompt", prompt), "application/json", accept);
    }

    public HttpResponse<String> post(String path, String body, String contentType, String accept) {
        return send(this.client, request(path).header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a JSON body without a Content-Length: chunked, as a streaming client sends it. */
    public HttpResponse<String> postChunked(String path, String body) {
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofString(body));
        return send(this.client, request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(chunked).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(this.client, request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A reply just created: its id and the path of its stream. */
    public record Reply(String id, String stream) {
    }

    /** Starts a reply with {@code POST /api/replies}, asserting it was created. */
    public Reply startReply(String prompt) {
        HttpResponse<String> response = postPrompt("/api/replies", prompt, "application/json");
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(describe(response)).isEqualTo(201);
        tools.jackson.databind.JsonNode created = Json.parse(response.body());
        return new Reply(created.path("id").asString(), created.path("stream").asString());
    }

    /** Starts a reply and opens its stream. */
    public EventStream streamReply(String prompt) {
        return stream(startReply(prompt).stream());
    }

    /**
     * A meter's value from Spring Boot Actuator, e.g. {@code metric("chat.streams.active",
     * "transport:sse")}; the first measurement (VALUE or COUNT).
     */
    public double metric(String name, String tag) {
        HttpResponse<String> response = get("/actuator/metrics/" + name + "?tag=" + tag, "Accept", "application/json");
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        return Json.parse(response.body()).path("measurements").path(0).path("value").asDouble();
    }

    /** Opens an event stream with GET; the events are read as they come. */
    public EventStream stream(String path, String... headers) {
        HttpRequest.Builder request = request(path).header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return EventStream.open(this.client, request.build());
    }

    /** A response's body, and how long after the request its first and its last byte came. */
    public record TimedResponse(int status, String body, long firstByteNanos, long lastByteNanos) {
    }

    /** POSTs and times the response body's first and last bytes. */
    public TimedResponse timePost(String path, String json, String accept) {
        HttpRequest request = request(path).header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = send(this.client, request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int first = body.read();
            long firstByte = System.nanoTime() - start;
            if (first >= 0) {
                bytes.write(first);
                body.transferTo(bytes);
            }
            long lastByte = System.nanoTime() - start;
            return new TimedResponse(response.statusCode(), bytes.toString(java.nio.charset.StandardCharsets.UTF_8),
                    firstByte, lastByte);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends any request whose answer is an event stream: a POST with Accept: text/event-stream, say. */
    public EventStream open(HttpRequest request) {
        return EventStream.open(this.client, request);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** A one-line description of a response, for assertion messages. */
    public static String describe(HttpResponse<String> response) {
        return response.request().method() + " " + response.request().uri().getPath() + " answered "
                + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                + ": " + response.body();
    }
}
