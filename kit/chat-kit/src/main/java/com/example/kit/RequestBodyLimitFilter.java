package com.example.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over 64 KiB with {@code 413 Content Too Large} before it is
 * parsed: at once when its {@code Content-Length} says so, else (a chunked body) as soon
 * as more than that has been read. A prompt has at most a few thousand characters, so a
 * larger body is a mistake or an attack, and must not be buffered.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    public static final int LIMIT = 64 * 1024;

    /** Thrown while reading a body that turns out to be over the limit. */
    public static class BodyTooLargeException extends IOException {

        BodyTooLargeException() {
            super(detail());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"" + detail() + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "%22") + "\"}");
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    static String detail() {
        return "The request body is larger than " + LIMIT + " bytes, the most this chat accepts.";
    }

    /** A request whose body stream fails once more than {@link #LIMIT} bytes are read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.limited == null) {
                this.limited = new LimitedInputStream(super.getInputStream());
            }
            return this.limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;

        private long read;

        LimitedInputStream(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = this.body.read();
            count((b >= 0) ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = this.body.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            this.read += n;
            if (this.read > LIMIT) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return this.body.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.body.setReadListener(listener);
        }
    }
}
