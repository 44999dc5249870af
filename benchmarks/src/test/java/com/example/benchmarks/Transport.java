package com.example.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatSocket;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;

/**
 * The contract's five ways to read a reply (the page's {@code transport} values), and, for
 * each, what a benchmark needs: a client that reads replies to their end, a connection held
 * open after the first token, and a probe that says whether a server serves it.
 */
enum Transport {

    /** {@code POST /api/replies}, then {@code GET} its event stream (EventSource). */
    SSE("sse"),

    /** One {@code POST /api/chat} answered with the event stream (fetch and a ReadableStream). */
    FETCH("fetch"),

    /** A prompt frame on {@code /ws/chat}, the reply's frames back. */
    WS("ws"),

    /** {@code POST /api/replies}, then polls that wait on the server, each re-sent at once. */
    LONG_POLL("long-poll"),

    /** {@code POST /api/replies}, then a poll answered at once, every {@link #SHORT_POLL_INTERVAL}. */
    SHORT_POLL("short-poll");

    /**
     * How long a short-polling client waits after an answer before it polls again. The
     * polling lesson's page has not fixed its own yet: this is a constant of this benchmark.
     */
    static final Duration SHORT_POLL_INTERVAL = Duration.ofMillis(250);

    /** How long a long poll may wait on the server ({@code waitMs}; the contract allows up to 30 s). */
    static final Duration LONG_POLL_WAIT = Duration.ofSeconds(25);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** The page's name for it, and the benchmark's. */
    final String word;

    Transport(String word) {
        this.word = word;
    }

    /** One user's client, on the server at {@code port}. */
    ReplyReader reader(int port, ReplyReader.Connections connections) {
        return switch (this) {
            case SSE -> new HttpReader(port, connections,
                    (http, prompt, timeout) -> StreamReader.read(http, prompt, StreamReader::postThenGet, 2, timeout));
            case FETCH -> new HttpReader(port, connections,
                    (http, prompt, timeout) -> StreamReader.read(http, prompt, StreamReader::post, 1, timeout));
            case WS -> new SocketReader(port, connections);
            case LONG_POLL, SHORT_POLL -> new HttpReader(port, connections,
                    (http, prompt, timeout) -> PollReader.read(http, prompt, pollPace(), timeout));
        };
    }

    /** A connection holding a reply of {@code prompt} open after its first token (a waiting poll for polling). */
    OpenConnection open(ChatHttp http, int port, String prompt, Duration timeout) throws InterruptedException {
        return switch (this) {
            case SSE -> OpenStream.open(http, prompt, StreamReader::postThenGet, timeout);
            case FETCH -> OpenStream.open(http, prompt, StreamReader::post, timeout);
            case WS -> OpenSocket.open(port, prompt, timeout);
            case LONG_POLL, SHORT_POLL -> OpenPoll.open(http, prompt, pollPace(), timeout);
        };
    }

    /**
     * Whether the server serves this transport as the contract says, tried for real: a
     * {@code /count 1} reply read its way. Long polling must also wait: its probe is sent
     * right after the prompt, so the server must answer only once the first token exists,
     * which the model's first-token delay puts at least that far away; the server must run
     * with a first-token delay of 100 ms or more (the default is 300 ms).
     */
    boolean servedBy(int port) {
        ChatHttp http = new ChatHttp(port);
        try {
            return switch (this) {
                case SSE -> startsWithToken(StreamReader.postThenGet(http, "/count 1"));
                case FETCH -> startsWithToken(StreamReader.post(http, "/count 1"));
                case WS -> {
                    try (ReplyReader reader = reader(port, ReplyReader.Connections.NEW_EACH_REPLY)) {
                        yield reader.read("/count 1", PROBE_TIMEOUT).isComplete(1);
                    }
                }
                case SHORT_POLL -> firstPoll(http, Duration.ZERO) != null;
                case LONG_POLL -> {
                    PollAnswer answer = firstPoll(http, LONG_POLL_WAIT);
                    yield answer != null && (!answer.tokens().isEmpty() || answer.done());
                }
            };
        }
        catch (RuntimeException | AssertionError ex) {
            return false; // refused (404, 405, a handshake refused) or not the contract's answer
        }
    }

    private Poller.Pace pollPace() {
        return (this == LONG_POLL) ? new Poller.Pace(LONG_POLL_WAIT, Duration.ZERO)
                : new Poller.Pace(Duration.ZERO, SHORT_POLL_INTERVAL);
    }

    private static boolean startsWithToken(EventStream stream) {
        try (stream) {
            ServerSentEvent first = stream.next(PROBE_TIMEOUT);
            if (first != null && "reply".equals(first.event())) {
                first = stream.next(PROBE_TIMEOUT);
            }
            return first != null && "token".equals(first.event());
        }
    }

    /** The answer to a first poll of a reply just started, or null if it is not a poll's answer. */
    private static PollAnswer firstPoll(ChatHttp http, Duration wait) {
        String id = http.startReply("/count 1").id();
        HttpResponse<String> response = http.get(PollAnswer.path(id, 0, wait), "Accept", "application/json");
        return (response.statusCode() == 200) ? PollAnswer.parse(response.body()) : null;
    }

    /** The transport the page calls {@code word}. */
    static Transport named(String word) {
        for (Transport transport : values()) {
            if (transport.word.equals(word)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("No transport '" + word + "': " + List.of(values()));
    }

    @Override
    public String toString() {
        return this.word;
    }
}
