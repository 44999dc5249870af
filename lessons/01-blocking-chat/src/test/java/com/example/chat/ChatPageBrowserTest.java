package com.example.chat;

import java.util.List;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a real headless Chromium, with lesson 01's blocking transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
@ExtendWith(BrowserExtension.class)
class ChatPageBrowserTest {

    @Test
    @DisplayName("the page shows the whole reply at once, when it has ended")
    void showsTheWholeReplyAtOnce(ChatPage page) {
        page.open();
        page.startRecording();
        page.ask("/count 10");
        String status = page.awaitStatus("done", "error", "cancelled");
        assertThat(status).withFailMessage("After /count 10 the page's status is '%s', expected 'done'; %s "
                + "(TODO-01: POST /api/chat must answer 200 with the whole reply; Hint 1)", status, page.describe())
                .isEqualTo("done");
        assertThat(page.answer()).as("the page's answer after /count 10 (TODO-01, Hint 1)")
                .isEqualTo("1 2 3 4 5 6 7 8 9 10");
        // Blocking: the answer went from nothing to the whole text in one step.
        List<String> shown = page.recording().stream().map(ChatPage.PageState::answer)
                .filter((answer) -> !answer.isEmpty()).distinct().toList();
        assertThat(shown).withFailMessage("The page showed the answers %s, expected only the whole reply at once "
                + "(TODO-01: the blocking endpoint answers once the model has finished)", shown)
                .containsOnly("1 2 3 4 5 6 7 8 9 10");
    }

    @Test
    @DisplayName("a bad prompt shows the server's problem detail")
    void showsTheProblemDetail(ChatPage page) {
        page.open();
        page.ask("/count 0");
        String status = page.awaitStatus("done", "error");
        assertThat(status).withFailMessage("After the bad prompt /count 0 the page's status is '%s', expected 'error'; "
                + "%s (the kit refuses it with 400; keep this.model.tokens(...) first in ChatController.chat: "
                + "TODO-01, Hint 3)", status, page.describe()).isEqualTo("error");
        assertThat(page.notice()).as("the page's notice after /count 0: the server's problem detail (Hint 3)")
                .contains("from 1 to 100000");
    }
}
