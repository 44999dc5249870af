package com.example.kit;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's problem details, with a clearer {@code detail} for a request body that
 * cannot be read: Spring says only "Failed to read request"; this says what is wrong,
 * e.g. that {@code prompt} must be a string. Used in place of Spring Boot's own handler
 * when {@code spring.mvc.problemdetails.enabled=true}.
 */
@ControllerAdvice
public class ChatProblemDetails extends ResponseEntityExceptionHandler {

    private static final String EXPECTED = "send JSON such as {\"prompt\": \"your question\"}";

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
            status = HttpStatus.CONTENT_TOO_LARGE; // a chunked body that went over the limit
            ProblemDetail body = createProblemDetail(ex, status, tooLarge.getMessage(), null, null, request);
            return handleExceptionInternal(ex, body, headers, status, request);
        }
        ProblemDetail body = createProblemDetail(ex, status, detail(ex), null, null, request);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private static String detail(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof StreamReadException syntax) {
            String reason = syntax.getOriginalMessage().lines().findFirst().orElse("").strip();
            return "The request body is not valid JSON (" + reason + "): " + EXPECTED + ".";
        }
        if (cause instanceof JacksonException mismatch) {
            String field = mismatch.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter((name) -> name != null).collect(Collectors.joining("."));
            return field.isEmpty() ? "The request body has the wrong shape: " + EXPECTED + "."
                    : "'" + field + "' has the wrong type: " + EXPECTED + ".";
        }
        return "The request body is missing: " + EXPECTED + ".";
    }
}
