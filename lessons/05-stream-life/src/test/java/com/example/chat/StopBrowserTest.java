package com.example.chat;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's Stop button cancels the reply on the server, not only on the page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=40ms" })
@ExtendWith({ BrowserExtension.class, OutputCaptureExtension.class })
class StopBrowserTest {

    @Test
    @DisplayName("Stop cancels the reply on the server; the page shows 'cancelled' and stops growing")
    void stopCancelsOnTheServer(ChatPage page, CapturedOutput output) {
        page.open();
        page.startRecording();
        page.ask("/count 1000");
        page.waitUntil("the first tokens", () -> !page.answer().isEmpty() || page.status().equals("error"));
        assertThat(page.answer()).as(page.describe()).isNotEmpty();
        page.stop();
        assertThat(page.awaitStatus("cancelled", "done", "error")).as(page.describe()).isEqualTo("cancelled");
        assertThat(page.statusChanges()).containsExactly("streaming", "cancelled");
        // The server ended the reply: the stream closed with its "done" event, not by the client leaving.
        assertThat(output.getOut()).doesNotContain("the client went away");
        assertThat(page.answer()).isNotEqualTo(countTo(1000));
    }

    @Test
    @DisplayName("a new prompt stops the reply before it, whose end no longer touches the page")
    void aNewPromptOwnsThePage(ChatPage page) {
        page.open();
        page.ask("/count 1000");
        page.waitUntil("the first tokens", () -> !page.answer().isEmpty() || page.status().equals("error"));
        page.startRecording();
        page.ask("/echo second");
        page.awaitDone();
        assertThat(page.answer()).as("the answer: the second reply's alone").isEqualTo("second");
        assertThat(page.statusChanges()).as("the statuses since the second prompt").doesNotContain("cancelled");
    }
}
