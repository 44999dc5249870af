package com.example.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;

import com.example.kit.test.ChatHttp;

/**
 * A client of a transport over plain HTTP requests (streams or polls): kept-alive
 * connections shared with every other such client, or a client of its own for each reply,
 * whose first request opens a new connection.
 */
final class HttpReader implements ReplyReader {

    /** Reads one reply with {@code http}. */
    interface Read {

        TimedReply read(ChatHttp http, String prompt, Duration timeout);
    }

    private final int port;

    private final Connections connections;

    private final Read read;

    private final ChatHttp shared;

    HttpReader(int port, Connections connections, Read read) {
        this.port = port;
        this.connections = connections;
        this.read = read;
        this.shared = new ChatHttp(port);
    }

    @Override
    public TimedReply read(String prompt, Duration timeout) {
        if (this.connections == Connections.KEPT_OPEN) {
            return this.read.read(this.shared, prompt, timeout);
        }
        HttpClient client = ChatHttp.newClient();
        try {
            return this.read.read(new ChatHttp(this.port, client), prompt, timeout);
        }
        finally {
            client.shutdownNow();
        }
    }

    @Override
    public void close() {
        // the shared client stays: other readers use it
    }
}
