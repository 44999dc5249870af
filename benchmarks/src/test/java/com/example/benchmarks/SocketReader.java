package com.example.benchmarks;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatSocket;
import com.example.kit.test.ChatSocket.Frame;

/**
 * A client of {@code /ws/chat}: a prompt frame, then the reply's frames until {@code done}
 * or {@code error}; on one socket kept open between replies (as the page keeps it), or on a
 * new socket for each, its handshake timed too.
 */
final class SocketReader implements ReplyReader {

    private final int port;

    private final Connections connections;

    private ChatSocket kept;

    SocketReader(int port, Connections connections) {
        this.port = port;
        this.connections = connections;
    }

    @Override
    public TimedReply read(String prompt, Duration timeout) {
        if (this.connections == Connections.NEW_EACH_REPLY) {
            long asked = System.nanoTime();
            try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
                return read(socket, asked, prompt, timeout);
            }
        }
        if (this.kept == null) {
            this.kept = ChatSocket.open(this.port, "/ws/chat");
        }
        return read(this.kept, System.nanoTime(), prompt, timeout);
    }

    /** The reply of {@code prompt} on {@code socket}; one message sent. */
    static TimedReply read(ChatSocket socket, long sent, String prompt, Duration timeout) {
        socket.prompt(prompt, null);
        List<Frame> frames = socket.readUntil((frame) -> frame.type().equals("done") || frame.type().equals("error"),
                timeout);
        List<Long> tokens = frames.stream().filter((frame) -> frame.type().equals("token")).map(Frame::arrivedNanos)
                .toList();
        Frame last = frames.isEmpty() ? null : frames.getLast();
        String finish = (last == null) ? "none" : switch (last.type()) {
            case "done" -> last.json().path("finishReason").asString();
            case "error" -> "error";
            default -> "none";
        };
        return new TimedReply(sent, tokens, 1, finish);
    }

    @Override
    public void close() {
        if (this.kept != null) {
            this.kept.close();
        }
    }
}
