package com.example.chat;

import java.util.List;
import java.util.Map;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser's EventSource reads the stream: the format is right for the client that
 * matters most. (Lesson 03 builds the page on it.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
@ExtendWith(BrowserExtension.class)
class EventSourceBrowserTest {

    @Test
    @DisplayName("Chromium's EventSource receives every token, with its id, then done")
    @SuppressWarnings("unchecked")
    void eventSourceReadsTheStream(ChatPage page) {
        page.open();
        Map<String, Object> result = (Map<String, Object>) page.runAsync("""
                const finish = arguments[arguments.length - 1];
                fetch('/api/replies', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                        body: JSON.stringify({ prompt: '/count 5' }) })
                    .then(async (response) => {
                        if (!response.ok) {
                            throw new Error(`POST /api/replies answered ${response.status}: ${await response.text()}`);
                        }
                        return response.json();
                    })
                    .then((reply) => {
                        const source = new EventSource(reply.stream);
                        const seen = { text: '', ids: [] };
                        source.addEventListener('token', (event) => {
                            seen.text += JSON.parse(event.data).text;
                            seen.ids.push(event.lastEventId);
                        });
                        source.addEventListener('done', (event) => {
                            source.close();
                            finish({ ...seen, done: JSON.parse(event.data) });
                        });
                        source.onerror = () => {
                            source.close();
                            // EventSource does not say why; ask the stream's URL once more to show it.
                            fetch(reply.stream).then(async (response) => finish({ ...seen,
                                    error: `EventSource error; the stream answers ${response.status}: ${await response.text()}` }));
                        };
                    })
                    .catch((error) => finish({ error: String(error) }));
                """);
        assertThat(result).as("what the page's script saw: %s", result).doesNotContainKey("error");
        assertThat(result.get("text")).isEqualTo("1 2 3 4 5");
        assertThat((List<String>) result.get("ids")).containsExactly("0", "1", "2", "3", "4");
        assertThat((Map<String, Object>) result.get("done")).containsEntry("finishReason", "stop")
                .containsEntry("tokens", 5L);
    }
}
