package com.example.benchmarks;

import java.time.Duration;

/**
 * One user's client of one transport: it reads replies one after the other, either over
 * connections it keeps open between them (a warm client) or over a new connection for each.
 */
interface ReplyReader extends AutoCloseable {

    /** Starts a reply of {@code prompt} and reads it to its end, within {@code timeout}. */
    TimedReply read(String prompt, Duration timeout);

    /** Closes what the client keeps open. */
    @Override
    void close();

    /** Whether a client keeps its connection between replies or opens one for each. */
    enum Connections {

        /** Kept alive between replies, as a page does after its first. */
        KEPT_OPEN,

        /** A new one for each reply: the TCP connection (and a socket's handshake) is timed too. */
        NEW_EACH_REPLY
    }
}
