package com.example.kit.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON the chat exchanges. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /** Any value as JSON: a map as an object, say. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** A JSON object with one field: {@code object("prompt", "hi")} is {@code {"prompt":"hi"}}. */
    public static String object(String field, Object value) {
        return MAPPER.writeValueAsString(java.util.Map.of(field, value));
    }
}
