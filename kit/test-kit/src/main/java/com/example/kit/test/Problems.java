package com.example.kit.test;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem details. */
public final class Problems {

    private Problems() {
    }

    /**
     * Asserts the response is {@code application/problem+json} with this status, and a
     * {@code detail} that contains {@code detailPart} (ignoring case). Returns the problem.
     */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String detailPart) {
        String described = ChatHttp.describe(response);
        assertThat(response.statusCode()).as(described).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(described)
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.parse(response.body());
        assertThat(problem.path("status").asInt()).as(described).isEqualTo(status);
        assertThat(problem.path("detail").asString()).as(described).containsIgnoringCase(detailPart);
        return problem;
    }
}
