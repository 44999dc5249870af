package com.example.kit.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptValidatorTest {

    final PromptValidator validator = new PromptValidator(10);

    @Test
    @DisplayName("missing, blank and lone-surrogate prompts get 400 with a clear detail")
    void refusesBadPrompts() {
        assertThatThrownBy(() -> this.validator.validate(null)).isInstanceOf(BadPromptException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> this.validator.validate(" \t\n")).hasMessageContaining("blank");
        assertThatThrownBy(() -> this.validator.validate("a\uD83Db")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> this.validator.validate("a\uDE80")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> this.validator.validate("end\uD83D")).hasMessageContaining("surrogate");
    }

    @Test
    @DisplayName("length counts code points: 10 emoji pass, 11 characters get 413")
    void countsCodePoints() {
        assertThatNoException().isThrownBy(() -> this.validator.validate("🚀".repeat(10)));
        assertThatThrownBy(() -> this.validator.validate("x".repeat(11))).isInstanceOfSatisfying(
                PromptTooLongException.class,
                (ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
                .hasMessageContaining("at most 10");
    }

    @Test
    @DisplayName("control characters and newlines are allowed")
    void allowsControlCharacters() {
        assertThatNoException().isThrownBy(() -> this.validator.validate("a\u0000b\nc"));
    }
}
