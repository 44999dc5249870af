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
 * Over HTTP/1.1 a browser opens at most six connections to one host. Each open
 * EventSource holds one: a seventh stream, from another tab of the same site, waits
 * until one of the six closes. (HTTP/2 multiplexes streams over one connection; see
 * the lesson "Going further".)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
@ExtendWith(BrowserExtension.class)
class ConnectionLimitBrowserTest {

    @Test
    @DisplayName("a seventh EventSource to the same host opens only after one of the first six closes")
    @SuppressWarnings("unchecked")
    void theSeventhStreamWaits(ChatPage page) {
        page.open();
        Map<String, Object> result = (Map<String, Object>) page.runAsync("""
                const finish = arguments[arguments.length - 1];
                const now = () => performance.now();
                const start = async () => {
                    const response = await fetch('/api/replies', { method: 'POST',
                            headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt: '/count 1000' }) });
                    return (await response.json()).stream;
                };
                (async () => {
                    const streams = [];
                    for (let i = 0; i < 7; i++) {
                        streams.push(await start());
                    }
                    const firstToken = new Array(7).fill(null);
                    const sources = streams.map((stream, i) => {
                        const source = new EventSource(stream);
                        source.addEventListener('token', () => { firstToken[i] ??= now(); });
                        return source;
                    });
                    // Wait until the first six stream, then one second more.
                    while (firstToken.slice(0, 6).some((t) => t === null)) {
                        await new Promise((r) => setTimeout(r, 20));
                    }
                    await new Promise((r) => setTimeout(r, 1000));
                    const seventhBeforeClose = firstToken[6];
                    const closedAt = now();
                    sources[0].close();
                    while (firstToken[6] === null && now() - closedAt < 20000) {
                        await new Promise((r) => setTimeout(r, 20));
                    }
                    sources.forEach((source) => source.close());
                    finish({ seventhBeforeClose, closedAt, seventh: firstToken[6] });
                })().catch((error) => finish({ error: String(error) }));
                """);
        assertThat(result).as("what the page saw: %s", result).doesNotContainKey("error");
        assertThat(result.get("seventhBeforeClose")).as("the seventh stream's first token, before a close").isNull();
        assertThat(((Number) result.get("seventh")).doubleValue()).as("the seventh stream's first token")
                .isGreaterThan(((Number) result.get("closedAt")).doubleValue());
    }
}
