package com.example.chat;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;

/**
 * Opens and reads reply streams for this lesson's tests, and fails with a sentence when a
 * stream is not what the lesson asks: what was seen, what was expected, and the TODO and
 * hint that cover it. No wait here is longer than a few seconds: a stream that does not
 * start, or does not end, fails as soon as that is clear.
 */
final class ReplyStreams {

    /** How long a stream may take to start, and to send its next event. Generous. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private ReplyStreams() {
    }

    /** Creates a reply with {@code POST /api/replies} and opens its stream. */
    static EventStream open(ChatHttp http, String prompt) {
        return openPath(http, created(http, prompt).stream());
    }

    /** Creates a reply, failing with a sentence unless the POST answers 201. */
    static ChatHttp.Reply created(ChatHttp http, String prompt) {
        try {
            return http.startReply(prompt);
        }
        catch (AssertionError ex) {
            throw new AssertionError("POST /api/replies with the prompt '" + prompt + "' must answer 201 Created "
                    + "with the reply's id and stream (TODO-01, Hints 1 and 2), but: " + ex.getMessage(), ex);
        }
    }

    /**
     * Opens the stream at this path. Its response's headers must come within
     * {@link #PATIENCE}: Spring sends them as soon as the controller returns its SseEmitter.
     */
    static EventStream openPath(ChatHttp http, String path) {
        HttpRequest request = HttpRequest.newBuilder(http.uri(path)).header("Accept", "text/event-stream")
                .timeout(PATIENCE).GET().build();
        EventStream stream;
        try {
            stream = http.open(request);
        }
        catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof HttpTimeoutException) {
                throw new AssertionError("GET " + path + " sent no response within " + PATIENCE.toSeconds()
                        + " s. A stream starts at once: ReplyController.stream must return the SseEmitter right "
                        + "away and leave send(...) to a virtual thread; called on the request's thread, send "
                        + "holds the response back until the whole reply is generated (TODO-02, Hint 3).", ex);
            }
            throw ex;
        }
        if (stream.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + stream.status()
                    + ", expected 200 with an event stream (TODO-02, Hints 3 and 4): " + stream.errorBody());
        }
        return stream;
    }

    /** The next event, failing with a sentence if none comes within {@link #PATIENCE} or the stream ends. */
    static ServerSentEvent next(EventStream stream, String what) {
        ServerSentEvent event;
        try {
            event = stream.next(PATIENCE);
        }
        catch (AssertionError ex) {
            throw new AssertionError("No event came within " + PATIENCE.toSeconds() + " s, waiting for " + what
                    + ": send each token as an event as soon as the model gives it (TODO-03, Hint 5).", ex);
        }
        if (event == null) {
            throw new AssertionError("The stream ended, waiting for " + what + " (TODO-03, Hint 5).");
        }
        return event;
    }

    /**
     * Every event until the server ends the stream. Fails with a sentence if an event takes
     * longer than {@link #PATIENCE}, or if the stream stays open after its last event.
     */
    static List<ServerSentEvent> readToEnd(EventStream stream) {
        List<ServerSentEvent> events = new ArrayList<>();
        while (true) {
            ServerSentEvent event;
            try {
                event = stream.next(PATIENCE);
            }
            catch (AssertionError ex) {
                throw new AssertionError(stalled(events), ex);
            }
            if (event == null) {
                return events;
            }
            events.add(event);
        }
    }

    private static String stalled(List<ServerSentEvent> events) {
        if (events.isEmpty()) {
            return "The stream sent no event at all for " + PATIENCE.toSeconds() + " s: send each token as an event "
                    + "the moment it exists, then \"done\", then complete() the emitter (TODO-03, Hints 5 and 6).";
        }
        String seen = events.size() + " events, the last " + describe(events.getLast());
        if (List.of("done", "error").contains(events.getLast().event())) {
            return "The stream sent " + seen + ", then stayed open for " + PATIENCE.toSeconds() + " s: after its "
                    + "last event, end the response with emitter.complete() (TODO-03, Hint 6). Its events: "
                    + describe(events);
        }
        return "The stream sent " + seen + ", then nothing for " + PATIENCE.toSeconds() + " s: send each token as "
                + "an event the moment it exists, then \"done\", then complete() the emitter (TODO-03, Hints 5 and 6). "
                + "Its events: " + describe(events);
    }

    /** The events in one line, the first five and the last: {@code token#0 {...}, ..., done#40 {...}}. */
    static String describe(List<ServerSentEvent> events) {
        if (events.size() <= 6) {
            return events.stream().map(ReplyStreams::describe).collect(Collectors.joining(", "));
        }
        return events.subList(0, 5).stream().map(ReplyStreams::describe).collect(Collectors.joining(", "))
                + ", (" + (events.size() - 6) + " more), " + describe(events.getLast());
    }

    static String describe(ServerSentEvent event) {
        return event.event() + "#" + ((event.id() == null) ? "(no id)" : event.id()) + " " + event.data();
    }

    /** The events' names, ids or data, as one list per field, for messages and comparisons. */
    static List<String> names(List<ServerSentEvent> events) {
        return events.stream().map(ServerSentEvent::event).toList();
    }

    static List<String> ids(List<ServerSentEvent> events) {
        return events.stream().map(ServerSentEvent::id).toList();
    }
}
