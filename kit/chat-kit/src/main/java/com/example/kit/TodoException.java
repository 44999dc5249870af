package com.example.kit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by a lesson's starter code where the learner has work to do. It fails loudly
 * with the step's instruction: Spring MVC answers it with {@code 501 Not Implemented} and
 * a problem detail such as {@code "TODO-02 is not done yet: ..."}, which the lesson's tests
 * show in their failure message.
 */
public class TodoException extends ErrorResponseException {

    public TodoException(String todo, String instruction) {
        super(HttpStatus.NOT_IMPLEMENTED, problem(todo + " is not done yet: " + instruction), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, detail);
        problem.setTitle("Lesson step not done yet");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
