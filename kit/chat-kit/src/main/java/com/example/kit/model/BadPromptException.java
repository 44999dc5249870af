package com.example.kit.model;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A prompt the model refuses before generating anything. Spring MVC answers it with
 * {@code 400 Bad Request} and an RFC 9457 problem detail whose {@code detail} says why.
 */
public class BadPromptException extends ErrorResponseException {

    public BadPromptException(String detail) {
        this(HttpStatus.BAD_REQUEST, detail);
    }

    protected BadPromptException(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Bad prompt");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
