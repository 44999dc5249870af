package com.example.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static com.example.kit.test.ReplyTexts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat over a real WebSocket ({@code ws://localhost:port/ws/chat}, the JDK's client)
 * against the real Tomcat: the handshake, a prompt's frames, several replies on one socket,
 * error frames that leave the socket open, and replies that HTTP reads back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=10ms" })
class ChatSocketTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("GET /ws/chat with Upgrade: websocket is answered 101 Switching Protocols")
    void handshakeSwitchesProtocols() throws IOException {
        List<String> head = handshake();
        assertThat(head.getFirst()).as("TODO-01 (Hint 1): GET /ws/chat with Upgrade: websocket was answered %s, "
                + "not 101 Switching Protocols: register ChatSocketHandler at /ws/chat",
                head.getFirst().replaceFirst("^HTTP/1.1", "").strip()).startsWith("HTTP/1.1 101");
        assertThat(head).as("the response's headers").anySatisfy((header) -> assertThat(header).matches("(?i)upgrade: *websocket"))
                // RFC 6455's own example: this key's accept value.
                .anySatisfy((header) -> assertThat(header).matches("(?i)sec-websocket-accept: *s3pPLMBiTxaQ9kYGzzhZRbK\\+xOo="));
    }

    @Test
    @DisplayName("a prompt gets its reply frame (ref echoed), its tokens in order, then done")
    void streamsAReply() {
        try (ChatSocket socket = open()) {
            socket.prompt("/count 5", "q1");
            List<Frame> frames = readReply(socket);
            assertThat(frames).as("the frames: %s", frames).extracting(Frame::type)
                    .containsExactly("reply", "token", "token", "token", "token", "token", "done");
            String id = frames.getFirst().id();
            assertThat(frames.getFirst().json().path("ref").asString()).as("the reply frame's ref").isEqualTo("q1");
            assertThat(frames).as("every frame names the reply").extracting(Frame::id).containsOnly(id);
            assertThat(frames.subList(1, 6)).extracting((frame) -> frame.json().path("seq").asInt())
                    .containsExactly(0, 1, 2, 3, 4);
            assertThat(textOf(frames)).isEqualTo("1 2 3 4 5");
            assertThat(frames.getLast().json().path("finishReason").asString()).isEqualTo("stop");
            assertThat(frames.getLast().json().path("tokens").asInt()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("the frames are the contract's JSON, and ref is null when the prompt has none")
    void framesAreTheContractsJson() {
        try (ChatSocket socket = open()) {
            socket.prompt("/count 2", "q1");
            List<Frame> frames = readReply(socket);
            String id = frames.getFirst().id();
            assertThat(frames).as("the frames").extracting(Frame::text).containsExactly(
                    "{\"type\":\"reply\",\"id\":\"" + id + "\",\"ref\":\"q1\"}",
                    "{\"type\":\"token\",\"id\":\"" + id + "\",\"seq\":0,\"text\":\"1\"}",
                    "{\"type\":\"token\",\"id\":\"" + id + "\",\"seq\":1,\"text\":\" 2\"}",
                    "{\"type\":\"done\",\"id\":\"" + id + "\",\"finishReason\":\"stop\",\"tokens\":2}");
            socket.prompt("/count 1", null);
            Frame reply = socket.next(TIMEOUT);
            assertThat(reply).as("TODO-02 (Hint 3): the answer to a prompt without ref").isNotNull();
            assertThat(reply.text()).isEqualTo("{\"type\":\"reply\",\"id\":\"" + reply.id() + "\",\"ref\":null}");
        }
    }

    @Test
    @DisplayName("two replies stream on one socket at once, each complete and in order")
    void multiplexesTwoReplies() {
        String echoed = "<b>bold</b> & emoji 🚀👍🏽\nnew line";
        try (ChatSocket socket = open()) {
            socket.prompt("/count 40", "a");
            socket.prompt("/echo " + echoed, "b");
            List<Frame> frames = readReplies(socket, 2);
            Frame first = replyFrame(frames, "a");
            Frame second = replyFrame(frames, "b");
            assertThat(textOf(framesOf(frames, first.id()))).as("reply a's text").isEqualTo(countTo(40));
            assertThat(textOf(framesOf(frames, second.id()))).as("reply b's text").isEqualTo(echoed);
            int secondsFirstToken = indexOf(frames, second.id(), "token");
            int firstsDone = indexOf(frames, first.id(), "done");
            assertThat(secondsFirstToken).as("TODO-02 (Hint 4): reply b's first token came after reply a's end: the "
                    + "replies took turns instead of streaming at once (send each on a thread of its own); frames %s", frames)
                    .isLessThan(firstsDone);
        }
    }

    @Test
    @DisplayName("twenty replies at once on one socket: every frame whole, every reply complete")
    void manyRepliesOnOneSocket() {
        int replies = 20;
        try (ChatSocket socket = open()) {
            for (int i = 0; i < replies; i++) {
                socket.prompt("/count 50", "r" + i);
            }
            List<Frame> frames = readReplies(socket, replies);
            Set<String> ids = new HashSet<>();
            frames.stream().filter((frame) -> frame.type().equals("reply")).forEach((frame) -> ids.add(frame.id()));
            assertThat(ids).as("TODO-02 (Hint 4): the replies that started; frames %s", frames).hasSize(replies);
            for (String id : ids) {
                List<Frame> reply = framesOf(frames, id);
                assertThat(textOf(reply)).as("TODO-02 (Hint 4): the text of reply %s, one of %d on one socket (send "
                        + "with the decorated socket, which sends one frame at a time)", id, replies).isEqualTo(countTo(50));
                assertThat(reply.getLast().type()).as("the last frame of reply %s", id).isEqualTo("done");
            }
        }
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not JSON", "hello", "not JSON"),
                Arguments.of("no type", "{\"prompt\":\"hi\"}", "no \"type\""),
                Arguments.of("an unknown type", "{\"type\":\"shout\",\"prompt\":\"hi\"}", "\"shout\""),
                Arguments.of("no prompt", "{\"type\":\"prompt\"}", "missing"),
                Arguments.of("a blank prompt", "{\"type\":\"prompt\",\"prompt\":\"  \\n \"}", "blank"),
                Arguments.of("a prompt that is a number", "{\"type\":\"prompt\",\"prompt\":42}", "\"prompt\" must be a string"),
                Arguments.of("a bad /count", "{\"type\":\"prompt\",\"prompt\":\"/count 0\"}", "from 1 to 100000"),
                Arguments.of("4,001 characters", Json.write(java.util.Map.of("type", "prompt", "prompt", "z".repeat(4001))),
                        "4000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    @DisplayName("a bad frame gets an error frame with id null, and the socket stays open for the next prompt")
    void badFrameGetsAnErrorFrame(String what, String frame, String message) {
        try (ChatSocket socket = open()) {
            socket.send(frame);
            Frame error = socket.next(TIMEOUT);
            assertThat(error).as("TODO-02 (Hint 3): the answer to %s, in %d s", what, TIMEOUT.toSeconds()).isNotNull();
            assertThat(error.type()).as("TODO-02 (Hint 3): the answer to %s: %s", what, error).isEqualTo("error");
            assertThat(error.json().has("id") && error.json().get("id").isNull()).as("its id is null: %s", error).isTrue();
            assertThat(error.json().path("message").asString()).as("TODO-02 (Hint 3): its message").contains(message);
            socket.prompt("/count 2", "after");
            List<Frame> frames = readReply(socket);
            assertThat(textOf(frames)).as("TODO-02 (Hint 3): a prompt sent after %s gets its reply; frames %s", what, frames)
                    .isEqualTo("1 2");
            assertThat(socket.isClosed()).as("the socket, closed").isFalse();
        }
    }

    @Test
    @DisplayName("each prompt is answered (reply frame, or error frame) in the order the prompts were sent")
    void answersPromptsInOrder() {
        try (ChatSocket socket = open()) {
            socket.prompt("/count 30", "a");
            socket.prompt(" ", "b");
            socket.prompt("/count 2", "c");
            List<String> answers = new ArrayList<>();
            List<Frame> frames = socket.readUntil((frame) -> {
                if (frame.type().equals("reply")) {
                    answers.add("reply " + frame.json().path("ref").asString());
                }
                else if (frame.type().equals("error") && frame.id() == null) {
                    answers.add("error");
                }
                return answers.size() == 3;
            }, TIMEOUT);
            assertThat(answers).as("TODO-02 (Hint 3): the answers to three prompts (the second one blank); frames %s", frames)
                    .containsExactly("reply a", "error", "reply c");
        }
    }

    @Test
    @DisplayName("a model that fails mid-reply ends the reply with an error frame naming it")
    void aFailedModelEndsWithAnErrorFrame() {
        try (ChatSocket socket = open()) {
            socket.prompt("/fail 2", null);
            List<Frame> frames = readReply(socket);
            assertThat(frames).as("TODO-02 (Hint 3): the frames: %s", frames).extracting(Frame::type)
                    .containsExactly("reply", "token", "token", "error");
            assertThat(frames.getLast().id()).as("the error frame's id").isEqualTo(frames.getFirst().id());
            assertThat(frames.getLast().json().path("message").asString()).as("its message").isNotBlank();
        }
    }

    @Test
    @DisplayName("a reply started over WebSocket reads back over SSE and GET /api/replies/{id}: the same log")
    void readsBackOverHttp() {
        String id;
        try (ChatSocket socket = open()) {
            socket.prompt("/count 5", null);
            List<Frame> frames = readReply(socket);
            assertThat(frames).as("TODO-02 (Hint 3): the frames: %s", frames).isNotEmpty();
            id = frames.getFirst().id();
        }
        try (EventStream stream = this.http.stream("/api/replies/" + id + "/stream")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("the SSE stream of reply %s", id).extracting(ServerSentEvent::event)
                    .containsExactly("token", "token", "token", "token", "token", "done");
            assertThat(text(events)).isEqualTo("1 2 3 4 5");
        }
        JsonNode status = Json.parse(this.http.get("/api/replies/" + id).body());
        assertThat(status.path("text").asString()).isEqualTo("1 2 3 4 5");
        assertThat(status.path("status").asString()).isEqualTo("ended");
    }

    @Test
    @DisplayName("a socket closed mid-reply leaves the reply running on the server, to its end")
    void aClosedSocketLeavesTheReplyRunning() {
        String id;
        try (ChatSocket socket = open()) {
            socket.prompt("/count 30", null);
            List<Frame> start = socket.readUntil((frame) -> frame.type().equals("token"), TIMEOUT);
            assertThat(start).as("TODO-02 (Hint 3): the first frames: %s", start).extracting(Frame::type)
                    .containsExactly("reply", "token");
            id = start.getFirst().id();
            socket.abort();
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Json.parse(this.http.get("/api/replies/" + id).body())
                .path("status").asString()).as("reply %s, after its socket closed", id).isEqualTo("ended"));
        JsonNode status = Json.parse(this.http.get("/api/replies/" + id).body());
        assertThat(status.path("text").asString()).isEqualTo(countTo(30));
        assertThat(status.path("finishReason").asString()).isEqualTo("stop");
    }

    private ChatSocket open() {
        try {
            return ChatSocket.open(this.port, "/ws/chat");
        }
        catch (ChatSocket.HandshakeRefusedException ex) {
            throw new AssertionError("TODO-01 (Hint 1): " + ex.getMessage() + ": register ChatSocketHandler at /ws/chat");
        }
    }

    /** The frames of one prompt's answer: its reply frame to its end, or the error frame that refused it. */
    private static List<Frame> readReply(ChatSocket socket) {
        List<Frame> frames = socket.readUntil((frame) -> frame.type().equals("done") || frame.type().equals("error"), TIMEOUT);
        assertThat(frames).as("TODO-02 (Hint 3): the frames received in %d s: %s", TIMEOUT.toSeconds(), frames).isNotEmpty();
        assertThat(frames.getFirst().type()).as("TODO-02 (Hint 3): the first frame, %s", frames.getFirst()).isEqualTo("reply");
        assertThat(frames.getLast().type()).as("TODO-02 (Hint 3): the last of the frames %s", frames).isIn("done", "error");
        return frames;
    }

    /** The frames until {@code count} replies have ended. */
    private static List<Frame> readReplies(ChatSocket socket, int count) {
        int[] ended = { 0 };
        List<Frame> frames = socket.readUntil((frame) -> (frame.type().equals("done") || frame.type().equals("error"))
                && ++ended[0] == count, TIMEOUT);
        assertThat(ended[0]).as("TODO-02 (Hint 3): replies ended in %d s, of %d; frames %s", TIMEOUT.toSeconds(), count,
                frames).isEqualTo(count);
        return frames;
    }

    /** The reply frame whose ref is {@code ref}. */
    private static Frame replyFrame(List<Frame> frames, String ref) {
        List<Frame> replies = frames.stream().filter((frame) -> frame.type().equals("reply")
                && frame.json().path("ref").asString().equals(ref)).toList();
        assertThat(replies).as("TODO-02 (Hint 3): the reply frames with ref %s among %s", ref, frames).hasSize(1);
        return replies.getFirst();
    }

    private static List<Frame> framesOf(List<Frame> frames, String id) {
        return frames.stream().filter((frame) -> id.equals(frame.id())).toList();
    }

    private static int indexOf(List<Frame> frames, String id, String type) {
        for (int i = 0; i < frames.size(); i++) {
            if (id.equals(frames.get(i).id()) && frames.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** The tokens' text, in order of their seq, checking that each seq comes once, from 0. */
    private static String textOf(List<Frame> frames) {
        StringBuilder text = new StringBuilder();
        int seq = 0;
        for (Frame frame : frames) {
            if (frame.type().equals("token")) {
                assertThat(frame.json().path("seq").asInt()).as("the seq of %s", frame).isEqualTo(seq++);
                text.append(frame.json().path("text").asString());
            }
        }
        return text.toString();
    }

    /** Sends the upgrade request as curl would, and returns the response's status line and headers. */
    private List<String> handshake() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
