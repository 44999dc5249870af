package com.example.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatSocket;
import com.example.kit.test.ChatSocket.Frame;
import com.example.kit.test.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The socket's limits: the size of a message (1009), binary frames (1003), the origins that
 * may open it (403), how many replies one socket may stream at once, and the {@code ws}
 * meters.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=10ms",
                "chat.ws.allowed-origins=https://chat.example.com", "chat.ws.max-replies-per-socket=3" })
class SocketLimitsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A valid prompt of 4,000 emoji: 4,000 code points, 16,000 bytes of UTF-8, but 8,000 UTF-16 chars. */
    static final String EMOJI_PROMPT = "🚀".repeat(4000);

    /**
     * A valid prompt of 4,000 control characters (BEL, U+0007): JSON writes each as a six-char
     * escape (backslash, u, 0007), so its frame has 24,029 bytes, and as many chars.
     */
    static final String ESCAPED_PROMPT = "\u0007".repeat(4000);

    @LocalServerPort
    int port;

    @Test
    @DisplayName("a prompt of 4,000 emoji (16,000 bytes, but 8,000 chars: Tomcat's buffer counts chars) gets its reply")
    void aPromptOf4000EmojiIsRead() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(promptFrame(EMOJI_PROMPT));
            List<Frame> frames = readUntilEndOrClose(socket);
            assertThat(frames).as("the answer to a prompt of 4,000 emoji (the socket closed with %s)",
                    socket.closeCode(Duration.ZERO)).isNotEmpty();
            assertThat(frames.getLast().type()).as("the last frame: %s", frames.getLast()).isEqualTo("done");
        }
    }

    @Test
    @DisplayName("a valid prompt whose frame has 24,000 bytes (more than Tomcat's 8,192) gets its reply")
    void aPromptOf24000BytesIsRead() {
        String frame = promptFrame(ESCAPED_PROMPT);
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(frame);
            List<Frame> frames = readUntilEndOrClose(socket);
            assertThat(socket.closeCode(Duration.ofMillis(100))).as("TODO-04 (Hint 8): the socket's close code after a "
                    + "frame of %d bytes (1009: bigger than the server reads)", frame.getBytes(StandardCharsets.UTF_8).length)
                    .isNull();
            assertThat(frames).as("TODO-04 (Hint 8): the answer to a prompt of 24,000 bytes: %s", frames).isNotEmpty();
            assertThat(frames.getLast().type()).isEqualTo("done");
        }
    }

    @Test
    @DisplayName("the limit is in bytes: a frame of 65,537 bytes of emoji (about 32,800 chars) closes the socket with 1009 too")
    void theLimitIsInBytes() {
        String frame = promptFrame("🚀".repeat(16_370) + "z".repeat(65_537 - promptFrame("🚀".repeat(16_370)).getBytes(StandardCharsets.UTF_8).length));
        assertThat(frame.getBytes(StandardCharsets.UTF_8)).hasSize(65_537);
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(frame);
            assertThat(socket.closeCode(TIMEOUT)).as("the close code after a frame of 65,537 bytes and %d chars",
                    frame.length()).isEqualTo(1009);
        }
    }

    @Test
    @DisplayName("a message of 65,536 bytes is read; one of 65,537 closes the socket with 1009")
    void messagesUpTo64KiB() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(frameOfBytes(65_536));
            List<Frame> answers = readUntilEndOrClose(socket);
            Frame answer = answers.isEmpty() ? null : answers.getFirst();
            assertThat(answer).as("TODO-04 (Hint 8): the answer to a frame of 65,536 bytes (the socket closed with %s)",
                    socket.closeCode(Duration.ZERO)).isNotNull();
            assertThat(answer.json().path("message").asString()).as("its answer: the prompt is too long, not too big")
                    .contains("4000");
        }
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(frameOfBytes(65_537));
            assertThat(socket.closeCode(TIMEOUT)).as("the close code after a frame of 65,537 bytes").isEqualTo(1009);
        }
    }

    @Test
    @DisplayName("a binary frame closes the socket with 1003, as Spring's TextWebSocketHandler does")
    void aBinaryFrameCloses() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.sendBinary(new byte[] { 1, 2, 3 });
            assertThat(socket.closeCode(TIMEOUT)).as("the close code after a binary frame").isEqualTo(1003);
        }
    }

    @Test
    @DisplayName("a handshake from another site's page gets 403, with no upgrade")
    void aForeignOriginGets403() throws IOException {
        assertThat(handshake("https://evil.example")).as("the handshake with Origin: https://evil.example")
                .startsWith("HTTP/1.1 403");
    }

    @Test
    @DisplayName("a handshake from an origin of chat.ws.allowed-origins, or from the page's own, gets 101")
    void anAllowedOriginGets101() throws IOException {
        assertThat(handshake("https://chat.example.com")).as("TODO-05 (Hint 10): the handshake with Origin: "
                + "https://chat.example.com, which chat.ws.allowed-origins allows").startsWith("HTTP/1.1 101");
        assertThat(handshake("http://localhost:" + this.port)).as("the handshake from the page's own origin")
                .startsWith("HTTP/1.1 101");
    }

    @Test
    @DisplayName("a flood of prompts: beyond chat.ws.max-replies-per-socket running replies, an error frame each")
    void aFloodOfPromptsIsRefused() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            for (int i = 0; i < 5; i++) {
                socket.prompt("/count 1000", "p" + i);
            }
            List<Frame> answers = socket.readUntil(new java.util.function.Predicate<>() {
                int answered;

                @Override
                public boolean test(Frame frame) {
                    return (frame.type().equals("reply") || frame.id() == null) && ++this.answered == 5;
                }
            }, TIMEOUT);
            List<Frame> refused = answers.stream().filter((frame) -> frame.type().equals("error")).toList();
            assertThat(answers.stream().filter((frame) -> frame.type().equals("reply"))).as("the replies started").hasSize(3);
            assertThat(refused).as("the prompts refused").hasSize(2).allSatisfy((frame) -> assertThat(frame.json()
                    .path("message").asString()).contains("chat.ws.max-replies-per-socket"));
            // Once one of the three ends, a prompt is accepted again.
            String first = answers.getFirst().id();
            new ChatHttp(this.port).post("/api/replies/" + first + "/cancel", "", "application/json", "application/json");
            socket.readUntil((frame) -> frame.type().equals("done") && first.equals(frame.id()), TIMEOUT);
            socket.prompt("/count 1", "again");
            assertThat(socket.readUntil((frame) -> frame.type().equals("reply") || frame.id() == null, TIMEOUT).getLast().type())
                    .as("the answer to a prompt once a reply has ended").isEqualTo("reply");
        }
    }

    @Test
    @DisplayName("chat.streams.active{transport=ws} counts the replies being sent, chat.tokens.sent{transport=ws} their tokens")
    void wsMeters() {
        ChatHttp http = new ChatHttp(this.port);
        double tokensBefore = http.metric("chat.tokens.sent", "transport:ws");
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.prompt("/count 300", null);
            String id = socket.readUntil((frame) -> frame.type().equals("token"), TIMEOUT).getFirst().id();
            assertThat(http.metric("chat.streams.active", "transport:ws")).as("replies being sent, during one").isEqualTo(1);
            http.post("/api/replies/" + id + "/cancel", "", "application/json", "application/json");
            socket.readUntil(CancelResumeTest::ends, TIMEOUT);
            socket.prompt("/count 5", null);
            socket.readUntil(CancelResumeTest::ends, TIMEOUT);
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(http.metric("chat.streams.active", "transport:ws"))
                .as("replies being sent, after").isZero());
        assertThat(http.metric("chat.tokens.sent", "transport:ws") - tokensBefore).as("tokens sent").isGreaterThan(5);
    }

    /** The frames until a done or error frame, or until the socket closes (a starter's 1009 comes at once). */
    static List<Frame> readUntilEndOrClose(ChatSocket socket) {
        List<Frame> frames = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = socket.next(Duration.ofMillis(50));
            if (frame == null && socket.isClosed()) {
                break;
            }
            if (frame != null) {
                frames.add(frame);
                if (CancelResumeTest.ends(frame)) {
                    break;
                }
            }
        }
        return frames;
    }

    static String promptFrame(String prompt) {
        return Json.write(Map.of("type", "prompt", "prompt", prompt));
    }

    /** A prompt frame of exactly {@code bytes} bytes. */
    static String frameOfBytes(int bytes) {
        String frame = promptFrame("");
        return promptFrame("z".repeat(bytes - frame.length()));
    }

    /** The status line of a handshake with this {@code Origin}. */
    private String handshake(String origin) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nOrigin: " + origin + "\r\n"
                    + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        }
    }
}
