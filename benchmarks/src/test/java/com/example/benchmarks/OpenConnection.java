package com.example.benchmarks;

/**
 * A client's connection that holds one reply open after its first token (an SSE stream, or
 * a socket), so that the server holds many at once while it is measured.
 */
interface OpenConnection extends AutoCloseable {

    /** From the request (the POST, or asking for the socket) to the first token. */
    long timeToFirstTokenNanos();

    @Override
    void close();
}
