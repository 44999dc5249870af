package com.example.benchmarks;

import java.time.Duration;

import com.example.kit.test.ChatSocket;
import com.example.kit.test.ChatSocket.Frame;

/** A socket holding one reply open after its first token: {@link OpenStream}'s counterpart over WebSocket. */
record OpenSocket(ChatSocket socket, long timeToFirstTokenNanos) implements OpenConnection {

    static OpenSocket open(int port, String prompt, Duration timeout) {
        long asked = System.nanoTime();
        ChatSocket socket = ChatSocket.open(port, "/ws/chat");
        try {
            socket.prompt(prompt, null);
            Frame first = socket.readUntil((frame) -> !frame.type().equals("reply"), timeout).getLast();
            if (!first.type().equals("token")) {
                throw new IllegalStateException("The first frame after reply was " + first + ", not a token");
            }
            return new OpenSocket(socket, first.arrivedNanos() - asked);
        }
        catch (RuntimeException ex) {
            socket.abort();
            throw ex;
        }
    }

    @Override
    public void close() {
        this.socket.abort();
    }
}
