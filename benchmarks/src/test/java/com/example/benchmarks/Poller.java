package com.example.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.example.kit.test.ChatHttp;

/**
 * A client polling one reply, as the page of the polling lessons does: each poll asks for
 * the tokens from the first it lacks ({@code from} is the last answer's {@code next}).
 * A short poll is answered at once, and the next is sent {@code interval} after the answer;
 * a long poll waits on the server up to {@code serverWait}, and the next is sent at once.
 */
final class Poller {

    /** How a client polls: {@code serverWait} zero for short polls, {@code interval} zero for long ones. */
    record Pace(Duration serverWait, Duration interval) {
    }

    private final ChatHttp http;

    private final String id;

    private final Pace pace;

    private long from;

    private int polls;

    Poller(ChatHttp http, String id, Pace pace) {
        this.http = http;
        this.id = id;
        this.pace = pace;
    }

    /** The next poll's answer: after the pace's interval, unless it is the first poll. */
    PollAnswer next() throws InterruptedException {
        if (this.polls > 0 && !this.pace.interval().isZero()) {
            Thread.sleep(this.pace.interval());
        }
        HttpResponse<String> response = this.http.get(PollAnswer.path(this.id, this.from, this.pace.serverWait()),
                "Accept", "application/json");
        this.polls++;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(ChatHttp.describe(response));
        }
        PollAnswer answer = PollAnswer.parse(response.body());
        this.from = answer.next();
        return answer;
    }

    /** The polls sent so far. */
    int polls() {
        return this.polls;
    }
}
