package com.example.chat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A test's stand-in for a troubled network or a busy server, in front of the poll endpoint:
 * it notes when each poll arrives, and may answer some polls itself, with an error, instead
 * of the application. The browser tests register it as a bean of their own (never scanned:
 * the other tests do not see it).
 */
class PollFaults extends OncePerRequestFilter {

    /** What the filter does to the polls. */
    enum Fault {

        /** Every poll reaches the application. */
        NONE,

        /** Every third poll gets 502 Bad Gateway, as from a proxy that lost the server. */
        EVERY_THIRD_FAILS,

        /** The third poll gets 503 Service Unavailable with Retry-After: {@link #RETRY_AFTER_SECONDS}. */
        THIRD_IS_BUSY
    }

    static final int RETRY_AFTER_SECONDS = 2;

    /** A poll as it arrived: System.nanoTime(), and the status the filter answered (0: none, passed on). */
    record Arrival(long nanos, int faultStatus) {
    }

    private volatile Fault fault = Fault.NONE;

    private final AtomicInteger polls = new AtomicInteger();

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    private volatile String lastId;

    void reset(Fault fault) {
        this.fault = fault;
        this.polls.set(0);
        this.arrivals.clear();
    }

    List<Arrival> arrivals() {
        return List.copyOf(this.arrivals);
    }

    /** The id of the reply polled last. */
    String lastId() {
        return this.lastId;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().matches("/api/replies/[^/]+/tokens");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int poll = this.polls.incrementAndGet();
        this.lastId = request.getRequestURI().split("/")[3];
        int status = switch (this.fault) {
            case NONE -> 0;
            case EVERY_THIRD_FAILS -> (poll % 3 == 0) ? 502 : 0;
            case THIRD_IS_BUSY -> (poll == 3) ? 503 : 0;
        };
        this.arrivals.add(new Arrival(System.nanoTime(), status));
        if (status == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (status == 503) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"status\":" + status + ",\"detail\":\"A fault the test injected.\"}");
    }
}
