package com.example.chat;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatSocket;
import com.example.kit.test.ChatSocket.Frame;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client gone is not an error: a socket that drops mid-reply costs one INFO line, and no
 * stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=10ms", "chat.model.token-delay=10ms" })
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    @DisplayName("a socket that drops mid-reply costs one INFO line, without a stack trace")
    void aClientGoneIsNotAnError(CapturedOutput output) {
        String id;
        ChatSocket socket;
        try {
            socket = ChatSocket.open(this.port, "/ws/chat");
        }
        catch (ChatSocket.HandshakeRefusedException ex) {
            throw new AssertionError("TODO-01 (Hint 1): " + ex.getMessage() + ": register ChatSocketHandler at /ws/chat");
        }
        try (socket) {
            socket.prompt("/count 1000", null);
            List<Frame> start = socket.readUntil((frame) -> frame.type().equals("token"), TIMEOUT);
            assertThat(start).as("TODO-02 (Hint 3): the first frames: %s", start).extracting(Frame::type)
                    .containsExactly("reply", "token");
            id = start.getFirst().id();
            socket.abort(); // gone without a word, as a closed laptop
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(output.getOut())
                .as("TODO-02 (Hint 4): the log, once the client has gone").contains("Reply " + id + " over WebSocket stopped"));
        List<String> lines = output.getAll().lines().filter((line) -> line.contains(id)).toList();
        assertThat(lines).as("the log lines about reply %s", id).singleElement()
                .satisfies((line) -> assertThat(line).contains(" INFO ", "the client went away"));
        assertThat(output.getAll()).as("TODO-02 (Hint 4): the log (a client gone is not an error: no stack trace)")
                .doesNotContain("\tat ").doesNotContain(" ERROR ").doesNotContain(" WARN ");
    }
}
