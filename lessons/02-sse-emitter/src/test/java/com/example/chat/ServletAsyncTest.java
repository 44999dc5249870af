package com.example.chat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Servlet async, shown: Tomcat gets only two request threads, yet eight streams progress
 * at once, because each request's thread is released as soon as the controller returns
 * its SseEmitter. A controller that sends on the request's thread streams two replies at a
 * time: then two streams end while the six others have not started, and the test says so
 * at that moment, about 2 s in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=1", "spring.threads.virtual.enabled=false",
        "chat.model.first-token-delay=20ms", "chat.model.token-delay=100ms" })
class ServletAsyncTest {

    static final int STREAMS = 8;

    @LocalServerPort
    int port;

    @Test
    @DisplayName("eight streams progress at once on two request threads: each request's thread is released")
    void streamsOutnumberRequestThreads() {
        ChatHttp http = new ChatHttp(this.port);
        long start = System.nanoTime();
        // Each of the eight streams of 20 tokens (about 2 s each) is read on a virtual thread of the test.
        List<Reader> readers = IntStream.range(0, STREAMS).mapToObj((i) -> new Reader(http)).toList();
        try {
            // Until every stream has its first token, or one stream has ended, or one has failed.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> readers.stream()
                    .allMatch((reader) -> reader.firstToken != 0) || readers.stream().anyMatch(Reader::over));
            for (Reader reader : readers) {
                if (reader.failure != null) {
                    throw reader.failure;
                }
            }
            long started = readers.stream().filter((reader) -> reader.firstToken != 0).count();
            long ended = readers.stream().filter((reader) -> reader.end != 0).count();
            assertThat(started).withFailMessage("After %.1f s, %d of the %d streams had ended while %d had not received "
                    + "their first token yet: the streams ran %d at a time, as many as Tomcat's request threads here "
                    + "(server.tomcat.threads.max=2). ReplyController.stream must return the SseEmitter at once and "
                    + "leave send(...) to a virtual thread, so that the request's thread goes back to Tomcat "
                    + "(TODO-02, Hint 3).", (System.nanoTime() - start) / 1e9, ended, STREAMS, STREAMS - started,
                    ended).isEqualTo(STREAMS);
        }
        finally {
            readers.forEach(Reader::close);
        }
    }

    /** Reads one reply's stream on a virtual thread, noting when its first token and its end came. */
    static final class Reader {

        volatile long firstToken;

        volatile long end;

        volatile AssertionError failure;

        private volatile EventStream stream;

        private final Thread thread;

        Reader(ChatHttp http) {
            this.thread = Thread.startVirtualThread(() -> read(http));
        }

        private void read(ChatHttp http) {
            try {
                this.stream = ReplyStreams.open(http, "/count 20");
                ServerSentEvent event = ReplyStreams.next(this.stream, "the first token");
                if (!event.event().equals("token")) {
                    throw new AssertionError("The first event of a stream was " + ReplyStreams.describe(event)
                            + ", expected a token (TODO-03, Hint 5).");
                }
                this.firstToken = event.receivedNanos();
                ReplyStreams.readToEnd(this.stream);
                this.end = System.nanoTime();
            }
            catch (AssertionError ex) {
                this.failure = ex;
            }
            catch (RuntimeException ex) {
                if (this.stream == null || this.end == 0) {
                    this.failure = new AssertionError("A stream failed: " + ex, ex);
                }
            }
        }

        boolean over() {
            return this.end != 0 || this.failure != null;
        }

        void close() {
            EventStream open = this.stream;
            if (open != null) {
                open.close();
            }
            this.thread.interrupt();
        }
    }
}
