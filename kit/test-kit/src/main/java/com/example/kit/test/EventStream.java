package com.example.kit.test;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code text/event-stream} read over real HTTP and parsed as the WHATWG HTML standard
 * says ("Server-sent events", "Interpreting an event stream"): fields are read, not raw
 * bytes compared, so {@code data:x} and {@code data: x} are the same. Events are queued
 * as they arrive, each with the time it arrived, so tests can see when tokens came.
 */
public final class EventStream implements AutoCloseable {

    private static final Object END = new Object();

    private final HttpResponse<Stream<String>> response;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile Integer retry;

    private volatile String errorBody = "";

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().name("event-stream-reader").start(this::read);
        }
        else {
            // Not a stream: keep the body (problem details, say) for the failure message.
            try (Stream<String> lines = response.body()) {
                this.errorBody = String.join("\n", lines.toList());
            }
            this.queue.add(END);
        }
    }

    static EventStream open(HttpClient client, HttpRequest request) {
        return new EventStream(ChatHttp.send(client, request, HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return this.response.statusCode();
    }

    public HttpHeaders headers() {
        return this.response.headers();
    }

    /** The body of a response that was not a stream (status other than 200), or "". */
    public String errorBody() {
        return this.errorBody;
    }

    /** The next event, waiting at most {@code timeout}; null if the stream ended first. */
    public ServerSentEvent next(Duration timeout) {
        if (status() != 200) {
            throw new AssertionError("Expected an event stream, but " + this.response.request().uri().getPath()
                    + " answered " + status() + ": " + this.errorBody);
        }
        try {
            Object item = this.queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("No event within " + timeout);
            }
            if (item == END) {
                this.queue.add(END);
                return null;
            }
            return (ServerSentEvent) item;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Every event until the server ends the stream, waiting at most {@code timeout} in all. */
    public List<ServerSentEvent> readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServerSentEvent> events = new ArrayList<>();
        for (ServerSentEvent event = next(timeout); event != null;
                event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            events.add(event);
        }
        return events;
    }

    /** The comment lines seen so far (a {@code : keep-alive} heartbeat, say), without the colon. */
    public List<String> comments() {
        return List.copyOf(this.comments);
    }

    /** The last {@code retry:} the server sent, in milliseconds, or null. */
    public Integer retry() {
        return this.retry;
    }

    /** Goes away as a client does: closes the connection. */
    @Override
    public void close() {
        this.response.body().close();
    }

    private void read() {
        String id = null;
        String event = "";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = this.response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        data.setLength(data.length() - 1); // the last data line's newline
                        this.queue.add(new ServerSentEvent(id, event.isEmpty() ? "message" : event,
                                data.toString(), System.nanoTime()));
                    }
                    id = null;
                    event = "";
                    data.setLength(0);
                    continue;
                }
                if (line.startsWith(":")) {
                    this.comments.add(line.substring(1).strip());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = (colon < 0) ? line : line.substring(0, colon);
                String value = (colon < 0) ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> event = value;
                    case "data" -> data.append(value).append('\n');
                    case "id" -> id = value.contains("\0") ? id : value;
                    case "retry" -> {
                        if (value.matches("[0-9]+")) {
                            this.retry = Integer.valueOf(value);
                        }
                    }
                    default -> {
                        // ignored, as the spec says
                    }
                }
            }
        }
        catch (RuntimeException ex) {
            // the connection was closed: the stream simply ends
        }
        finally {
            this.queue.add(END);
        }
    }
}
