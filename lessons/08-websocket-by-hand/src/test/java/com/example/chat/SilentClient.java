package com.example.chat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written by hand over a plain TCP socket (RFC 6455), for what no polite
 * client does: it sends frames, then reads nothing (so it answers no ping, and the server's
 * frames pile up in the network's buffers) until the test tells it to read again.
 */
final class SilentClient implements AutoCloseable {

    /** A frame the server sent: its opcode (1 text, 8 close, 9 ping) and its payload. */
    record ServerFrame(int opcode, byte[] payload) {

        String text() {
            return new String(this.payload, StandardCharsets.UTF_8);
        }

        /** A close frame's code, or -1. */
        int closeCode() {
            return (this.opcode == 8 && this.payload.length >= 2) ? ((this.payload[0] & 0xff) << 8) | (this.payload[1] & 0xff) : -1;
        }
    }

    private final Socket socket;

    private final DataInputStream in;

    private final OutputStream out;

    /**
     * Opens the connection and does the handshake; the socket's receive buffer is small, so that
     * a client that does not read fills it soon.
     */
    SilentClient(int port) throws IOException {
        this.socket = new Socket();
        this.socket.setReceiveBufferSize(4096);
        this.socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.out = this.socket.getOutputStream();
        this.out.write(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        this.out.flush();
        this.in = new DataInputStream(this.socket.getInputStream());
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("The handshake was answered " + status + ", not 101");
        }
        while (!readLine().isEmpty()) {
            // the response's headers
        }
    }

    /** Sends a text frame, masked as a client must. */
    void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        this.out.write(0x81); // FIN, text
        if (payload.length < 126) {
            this.out.write(0x80 | payload.length);
        }
        else {
            this.out.write(0x80 | 126);
            this.out.write(payload.length >> 8);
            this.out.write(payload.length & 0xff);
        }
        this.out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            this.out.write(payload[i] ^ mask[i % 4]);
        }
        this.out.flush();
    }

    /** The next frame the server sent, waiting at most {@code timeout}; null at the end of the connection. */
    ServerFrame next(Duration timeout) throws IOException {
        this.socket.setSoTimeout((int) timeout.toMillis());
        try {
            int first = this.in.readUnsignedByte();
            int second = this.in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = this.in.readUnsignedShort();
            }
            else if (length == 127) {
                length = this.in.readLong();
            }
            byte[] payload = new byte[(int) length];
            this.in.readFully(payload);
            return new ServerFrame(first & 0x0f, payload);
        }
        catch (EOFException | java.net.SocketException ex) {
            return null; // the server closed the connection (or reset it)
        }
        catch (SocketTimeoutException ex) {
            throw new IOException("No frame within " + timeout.toMillis() + " ms", ex);
        }
    }

    /**
     * Reads on until a close frame or the end of the connection: the close code; -1 if the
     * connection ended without one (what a browser reports as 1006), or if nothing closed it
     * within {@code timeout}.
     */
    int readToClose(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ServerFrame frame;
            try {
                frame = next(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            }
            catch (IOException ex) {
                return -1; // no frame before the deadline
            }
            if (frame == null) {
                return -1;
            }
            if (frame.opcode() == 8) {
                return frame.closeCode();
            }
        }
        return -1;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
            if (c < 0) {
                throw new EOFException("The connection closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }
}
