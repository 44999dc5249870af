package com.example.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatSocket;
import com.example.kit.test.ChatSocket.Frame;
import com.example.kit.test.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading: its frames pile up in the network's buffers until a send
 * blocks. It must not stall other sockets nor the model, and the server must close it with a
 * clear close code; its replies go on on the server, and it can resume them on a new socket.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=0ms", "chat.model.token-delay=2ms", "chat.prompt.max-chars=60000",
                "chat.ws.send-time-limit=500ms", "chat.ws.ping-interval=200ms", "chat.ws.max-replies-per-socket=100" })
class SlowReaderTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A prompt whose reply is one token of 60,000 bytes: a few of them fill the network's buffers. */
    static final String BIG = "/echo " + "x".repeat(59_000);

    /** How many of them the slow client asks for: 4.7 MB, more than the network's buffers hold. */
    static final int BIG_REPLIES = 80;

    @LocalServerPort
    int port;

    @Test
    @DisplayName("a client that stops reading is closed (4500), other sockets keep their pace, and its reply can be resumed")
    void aClientThatStopsReadingIsClosed() throws IOException {
        ChatHttp http = new ChatHttp(this.port);
        long alone = timeOfAReply();
        List<String> bigReplies = java.util.stream.IntStream.range(0, BIG_REPLIES).mapToObj((i) -> http.startReply(BIG).id())
                .toList();
        String id = http.startReply("/count 1000").id();
        long withASlowClient;
        int closeCode;
        try (SilentClient slow = new SilentClient(this.port)) {
            slow.send(resume(id));
            for (String big : bigReplies) {
                slow.send(resume(big));
            }
            // The slow client reads nothing from here on.
            withASlowClient = timeOfAReply();
            closeCode = slow.readToClose(TIMEOUT);
        }
        assertThat(withASlowClient).as("the time of a reply on another socket while a client reads nothing (ns), "
                + "against %d ns alone", alone).isLessThan(3 * alone + Duration.ofMillis(500).toNanos());
        assertThat(closeCode).as("TODO-07 (Hint 14): the close code the client that stopped reading got, once it read "
                + "again (-1: none in %d s)", TIMEOUT.toSeconds()).isEqualTo(4500);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(http.metric("chat.streams.active", "transport:ws"))
                .as("replies being sent over WebSocket, once the slow socket is closed").isZero());
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Json.parse(http.get("/api/replies/" + id).body())
                .path("status").asString()).as("reply %s, after its slow socket was closed", id).isEqualTo("ended"));
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            socket.send(resume(id));
            List<Frame> frames = socket.readUntil((frame) -> frame.type().equals("done"), TIMEOUT);
            StringBuilder text = new StringBuilder();
            frames.stream().filter((frame) -> frame.type().equals("token"))
                    .forEach((frame) -> text.append(frame.json().path("text").asString()));
            assertThat(text.toString()).as("the reply resumed from 0 on a new socket").isEqualTo(countTo(1000));
        }
    }

    private static String resume(String id) {
        return "{\"type\":\"resume\",\"id\":\"" + id + "\",\"from\":0}";
    }

    /** How long {@code /count 100} takes on a socket of its own, in ns. */
    private long timeOfAReply() {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            long start = System.nanoTime();
            socket.prompt("/count 100", null);
            List<Frame> frames = socket.readUntil((frame) -> frame.type().equals("done"), TIMEOUT);
            assertThat(frames.getLast().type()).as("the last frame of /count 100: %s", frames.getLast()).isEqualTo("done");
            return System.nanoTime() - start;
        }
    }
}
