package com.example.chat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatSocket;
import com.example.kit.test.ChatSocket.Frame;
import com.example.kit.test.EventStream;
import com.example.kit.test.Json;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static com.example.kit.test.ReplyTexts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cancel and resume frames, over a real WebSocket: what HTTP's cancel and EventSource's
 * Last-Event-ID gave the SSE arc, and every way a client can get them wrong (an error frame
 * naming the reply, and the socket stays open).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=10ms" })
class CancelResumeTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("a cancel frame ends the reply: done, finishReason cancelled, on the socket and over HTTP")
    void cancelFrameCancels() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.prompt("/count 1000", null);
            List<Frame> start = socket.readUntil((frame) -> frame.type().equals("token"), TIMEOUT);
            String id = start.getFirst().id();
            socket.send(cancel(id));
            List<Frame> rest = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            assertThat(rest).as("TODO-01 (Hint 1): the frames after {\"type\":\"cancel\",\"id\":\"%s\"}: %s", id, rest)
                    .isNotEmpty();
            assertThat(rest.getLast().text()).as("TODO-01 (Hint 1): the last frame after the cancel frame")
                    .contains("\"type\":\"done\"", "\"finishReason\":\"cancelled\"");
            assertThat(Json.parse(this.http.get("/api/replies/" + id).body()).path("finishReason").asString())
                    .as("the reply's finishReason over HTTP").isEqualTo("cancelled");
        }
    }

    @Test
    @DisplayName("cancel of a reply that has ended gets an error frame naming it, and the socket stays open")
    void cancelOfAnEndedReply() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.prompt("/count 2", null);
            String id = socket.readUntil(CancelResumeTest::ends, TIMEOUT).getFirst().id();
            socket.send(cancel(id));
            assertErrorFrameThenOpen(socket, "TODO-01 (Hint 1)", id, "has already ended");
        }
    }

    @Test
    @DisplayName("resume from k sends the tokens with seq >= k, then done")
    void resumeFromK() {
        String id = this.http.startReply("/count 5").id();
        awaitEnded(id);
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(resume(id, "3"));
            List<Frame> frames = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            assertThat(frames).as("TODO-02 (Hint 4): the frames after {\"type\":\"resume\",\"id\":\"%s\",\"from\":3}", id)
                    .extracting(Frame::text).containsExactly(
                            "{\"type\":\"token\",\"id\":\"" + id + "\",\"seq\":3,\"text\":\" 4\"}",
                            "{\"type\":\"token\",\"id\":\"" + id + "\",\"seq\":4,\"text\":\" 5\"}",
                            "{\"type\":\"done\",\"id\":\"" + id + "\",\"finishReason\":\"stop\",\"tokens\":5}");
        }
    }

    @Test
    @DisplayName("resume from the number of tokens of an ended reply sends its end only")
    void resumeAtTheEnd() {
        String id = this.http.startReply("/count 3").id();
        awaitEnded(id);
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(resume(id, "3"));
            List<Frame> frames = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            assertThat(frames).as("TODO-02 (Hint 4): the frames after resume from 3 of a reply of 3 tokens")
                    .extracting(Frame::type).containsExactly("done");
        }
    }

    @Test
    @DisplayName("a reply started over HTTP, still running, reads over WebSocket with resume from 0, exactly")
    void resumeAReplyStartedOverHttp() {
        String id = this.http.startReply("/count 50").id();
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(resume(id, "0"));
            List<Frame> frames = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            assertThat(frames).as("TODO-02 (Hint 4): the frames of reply %s, resumed from 0", id).isNotEmpty();
            assertThat(frames.getLast().type()).as("TODO-02 (Hint 4): the last frame: %s", frames.getLast()).isEqualTo("done");
            assertThat(textOf(frames, 0)).isEqualTo(countTo(50));
        }
    }

    @Test
    @DisplayName("a reply started over WebSocket reads over SSE after its socket was cut, then resumes over WebSocket")
    void readsAcrossTransports() {
        String id;
        int received;
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.prompt("/count 40", null);
            List<Frame> start = socket.readUntil((frame) -> frame.json().path("seq").asInt(-1) == 9, TIMEOUT);
            id = start.getFirst().id();
            received = (int) start.stream().filter((frame) -> frame.type().equals("token")).count();
            socket.abort();
        }
        try (EventStream stream = this.http.stream("/api/replies/" + id + "/stream", "Last-Event-ID", String.valueOf(received - 1))) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(countTo(10) + text(events)).as("the first 10 tokens over WebSocket, the rest over SSE")
                    .isEqualTo(countTo(40));
        }
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(resume(id, String.valueOf(received)));
            List<Frame> frames = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            assertThat(countTo(10) + textOf(frames, received)).as("TODO-02 (Hint 4): the first 10 tokens, then the "
                    + "rest resumed from %d on a new socket; frames %s", received, frames).isEqualTo(countTo(40));
        }
    }

    @Test
    @DisplayName("resume of a reply already streaming on this socket gets an error frame: no token twice")
    void resumeTwiceOnOneSocket() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.prompt("/count 100", null);
            String id = socket.readUntil((frame) -> frame.type().equals("token"), TIMEOUT).getFirst().id();
            socket.send(resume(id, "0"));
            List<Frame> frames = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            assertThat(frames).as("TODO-02 (Hint 5): the frames after resuming a reply that streams on this socket")
                    .anySatisfy((frame) -> assertThat(frame.text()).contains("\"type\":\"error\"", "already"));
            // the error frame ends the read; the reply's own frames go on to its done
            List<Frame> rest = socket.readUntil((frame) -> frame.type().equals("done"), TIMEOUT);
            List<Frame> all = new java.util.ArrayList<>(frames);
            all.addAll(rest);
            assertThat(textOf(all.stream().filter((frame) -> !frame.type().equals("error")).toList(), 1))
                    .as("the reply's tokens, each once").isEqualTo(countTo(100).substring(1));
        }
    }

    static Stream<Arguments> badResumes() {
        return Stream.of(
                Arguments.of("an unknown id", "{\"type\":\"resume\",\"id\":\"no-such-reply\",\"from\":0}", "no-such-reply",
                        "no-such-reply"),
                Arguments.of("a negative from", "{\"type\":\"resume\",\"id\":\"ID\",\"from\":-1}", "ID", "-1"),
                Arguments.of("a from past the end", "{\"type\":\"resume\",\"id\":\"ID\",\"from\":4}", "ID", "4"),
                Arguments.of("a from that is not a number", "{\"type\":\"resume\",\"id\":\"ID\",\"from\":\"two\"}", null,
                        "\"from\" must be a whole number"),
                Arguments.of("no from", "{\"type\":\"resume\",\"id\":\"ID\"}", null, "missing its \"from\""),
                Arguments.of("no id", "{\"type\":\"resume\",\"from\":0}", null, "missing its \"id\""));
    }

    static Stream<Arguments> badCancels() {
        return Stream.of(
                Arguments.of("an unknown id", "{\"type\":\"cancel\",\"id\":\"no-such-reply\"}", "no-such-reply",
                        "no-such-reply"),
                Arguments.of("no id", "{\"type\":\"cancel\"}", null, "missing its \"id\""),
                Arguments.of("an id that is not a string", "{\"type\":\"cancel\",\"id\":7}", null,
                        "\"id\" must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCancels")
    @DisplayName("a bad cancel gets an error frame (naming the reply when there is one), and the socket stays open")
    void badCancelGetsAnErrorFrame(String what, String frame, String errorId, String message) {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(frame);
            assertErrorFrameThenOpen(socket, "TODO-01 (Hint 2): the answer to a cancel with " + what, errorId, message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badResumes")
    @DisplayName("a bad resume gets an error frame (naming the reply when there is one), and the socket stays open")
    void badResumeGetsAnErrorFrame(String what, String frame, String errorId, String message) {
        String id = this.http.startReply("/count 3").id();
        awaitEnded(id);
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(frame.replace("\"ID\"", "\"" + id + "\""));
            assertErrorFrameThenOpen(socket, "TODO-02 (Hint 5): the answer to a resume with " + what, (errorId == null) ? null
                    : errorId.replace("ID", id), message);
        }
    }

    /** The next frame is an error frame with this id and a message holding {@code message}; a prompt then still works. */
    private static void assertErrorFrameThenOpen(ChatSocket socket, String what, String id, String message) {
        Frame error = socket.next(TIMEOUT);
        assertThat(error).as("%s, in %d s", what, TIMEOUT.toSeconds()).isNotNull();
        assertThat(error.type()).as("%s: %s", what, error).isEqualTo("error");
        assertThat(error.id()).as("%s: the error frame's id: %s", what, error).isEqualTo(id);
        assertThat(error.json().path("message").asString()).as("%s: its message", what).contains(message);
        socket.prompt("/count 2", null);
        List<Frame> frames = socket.readUntil(CancelResumeTest::ends, TIMEOUT);
        assertThat(frames).as("a prompt after it: %s", frames).extracting(Frame::type).containsExactly("reply", "token", "token", "done");
    }

    private void awaitEnded(String id) {
        await().atMost(TIMEOUT).until(() -> Json.parse(this.http.get("/api/replies/" + id).body()).path("status").asString()
                .equals("ended"));
    }

    static boolean ends(Frame frame) {
        return frame.type().equals("done") || frame.type().equals("error");
    }

    static String cancel(String id) {
        return "{\"type\":\"cancel\",\"id\":\"" + id + "\"}";
    }

    static String resume(String id, String from) {
        return "{\"type\":\"resume\",\"id\":\"" + id + "\",\"from\":" + from + "}";
    }

    /** The tokens' text, checking that their seqs run from {@code from}, each once. */
    static String textOf(List<Frame> frames, int from) {
        StringBuilder text = new StringBuilder();
        int seq = from;
        for (Frame frame : frames) {
            if (frame.type().equals("token")) {
                assertThat(frame.json().path("seq").asInt()).as("the seq of %s", frame).isEqualTo(seq++);
                text.append(frame.json().path("text").asString());
            }
        }
        return text.toString();
    }
}
