package com.example.chat;

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
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=50ms" })
@ExtendWith(BrowserExtension.class)
class ChatPageBrowserTest {

    @Test
    @DisplayName("the page shows the whole reply at once, when it has ended")
    void showsTheWholeReplyAtOnce(ChatPage page) {
        page.open();
        page.startRecording();
        page.ask("/count 10");
        page.awaitDone();
        assertThat(page.answer()).isEqualTo("1 2 3 4 5 6 7 8 9 10");
        // Blocking: the answer went from nothing to the whole text in one step.
        assertThat(page.recording()).extracting(ChatPage.PageState::answer)
                .filteredOn((answer) -> !answer.isEmpty())
                .containsOnly("1 2 3 4 5 6 7 8 9 10");
    }

    @Test
    @DisplayName("a bad prompt shows the server's problem detail")
    void showsTheProblemDetail(ChatPage page) {
        page.open();
        page.ask("/count 0");
        assertThat(page.awaitStatus("done", "error")).isEqualTo("error");
        assertThat(page.notice()).contains("from 1 to 100000");
    }
}
