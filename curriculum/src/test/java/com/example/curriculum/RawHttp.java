package com.example.curriculum;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange over a plain socket, read as {@code curl -i} prints it: the status
 * line and the header lines exactly as sent (their case and order, which the JDK's
 * {@code HttpClient} does not keep), and the body de-chunked. The request has the headers
 * curl sends; the response ends where its framing (chunks or {@code Content-Length}) says.
 */
final class RawHttp {

    private RawHttp() {
    }

    static Wire.Exchange exchange(int port, String method, String path, Map<String, String> headers, Optional<String> body,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] content = body.map((text) -> text.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.isPresent()) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Reader in = new Reader(new BufferedInputStream(socket.getInputStream()), socket, deadline);
            String status = in.line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IllegalStateException("not an HTTP response: \"" + status + "\"");
            }
            int code = Integer.parseInt(parts[1]);
            List<Map.Entry<String, String>> received = new ArrayList<>();
            for (String line = in.line(); !line.isEmpty(); line = in.line()) {
                int colon = line.indexOf(':');
                received.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
            byte[] bytes;
            if (method.equals("HEAD") || code == 204 || code == 304 || code < 200) {
                bytes = new byte[0];
            }
            else if (header(received, "Transfer-Encoding").filter((value) -> value.equalsIgnoreCase("chunked")).isPresent()) {
                bytes = in.chunked();
            }
            else {
                bytes = header(received, "Content-Length").map((length) -> in.exactly(Integer.parseInt(length)))
                        .orElseGet(in::toEnd);
            }
            return new Wire.Exchange(code, received, new String(bytes, StandardCharsets.UTF_8));
        }
        catch (SocketTimeoutException ex) {
            throw new IllegalStateException(method + " " + path + " did not end within " + timeout.toSeconds()
                    + " s: a wire block shows a whole exchange, which ends");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(method + " " + path + " failed", ex);
        }
    }

    private static Optional<String> header(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter((header) -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** Reads a response, each read limited by what is left of the exchange's time. */
    private record Reader(InputStream in, Socket socket, long deadline) {

        int read() throws IOException {
            long left = Duration.ofNanos(this.deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            this.socket.setSoTimeout((int) Math.max(1, left));
            return this.in.read();
        }

        /** A line without its CRLF. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = read(); b != '\n'; b = read()) {
                if (b < 0) {
                    throw new IOException("the connection closed in the middle of a line");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line().split(";", 2)[0].strip();
                int length = Integer.parseInt(size, 16);
                if (length == 0) {
                    while (!line().isEmpty()) {
                        // trailers: none expected, skipped
                    }
                    return body.toByteArray();
                }
                body.write(exactly(length));
                line(); // the CRLF after the chunk
            }
        }

        byte[] exactly(int length) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
                for (int i = 0; i < length; i++) {
                    int b = read();
                    if (b < 0) {
                        throw new IOException("the connection closed " + (length - i) + " bytes before the body's end");
                    }
                    bytes.write(b);
                }
                return bytes.toByteArray();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        byte[] toEnd() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int b = read(); b >= 0; b = read()) {
                    bytes.write(b);
                }
                return bytes.toByteArray();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
