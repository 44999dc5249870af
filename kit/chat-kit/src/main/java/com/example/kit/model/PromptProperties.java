package com.example.kit.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.prompt.max-chars}: the longest prompt accepted, in Unicode code points.
 */
@ConfigurationProperties("chat.prompt")
public record PromptProperties(@DefaultValue("4000") int maxChars) {
}
