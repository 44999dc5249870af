package com.example.kit.model;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated model's pace: {@code chat.model.first-token-delay} before the first token
 * (the model "thinking"), {@code chat.model.token-delay} before each later one.
 */
@ConfigurationProperties("chat.model")
public record ChatModelProperties(
        @DefaultValue("300ms") Duration firstTokenDelay,
        @DefaultValue("40ms") Duration tokenDelay) {
}
