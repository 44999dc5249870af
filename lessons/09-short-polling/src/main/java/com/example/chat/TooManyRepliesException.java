package com.example.chat;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code 503 Service Unavailable} with {@code Retry-After}: too many replies run already. */
class TooManyRepliesException extends ErrorResponseException {

    TooManyRepliesException(int maxRunning, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                maxRunning + " replies are running, the most this server runs at once (chat.replies.max-running): "
                        + "try again in " + retryAfter.toSeconds() + " s."), null);
        getHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
    }
}
