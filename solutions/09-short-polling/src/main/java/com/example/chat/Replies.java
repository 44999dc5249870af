package com.example.chat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.kit.model.ChatModel;
import com.example.kit.model.ModelFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every reply, by id. A reply is generated on a thread of its own, from the moment it is
 * created, whoever reads it; it is cancelled when nobody reads it for
 * {@code chat.reply.abandon-after}, and forgotten {@code chat.reply.retention} after it ended.
 */
@Component
class Replies {

    private static final Logger logger = LoggerFactory.getLogger(Replies.class);

    private final ChatModel model;

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    private final AtomicInteger running = new AtomicInteger();

    private final int maxRunning;

    private final Duration abandonAfter;

    private final Duration retention;

    Replies(ChatModel model, @Value("${chat.replies.max-running:10000}") int maxRunning,
            @Value("${chat.reply.abandon-after:30s}") Duration abandonAfter,
            @Value("${chat.reply.retention:10m}") Duration retention) {
        this.model = model;
        this.maxRunning = maxRunning;
        this.abandonAfter = abandonAfter;
        this.retention = retention;
    }

    /** Checks the prompt, then starts generating its reply; 503 when too many run already. */
    Reply start(String prompt) {
        Iterable<String> tokens = this.model.tokens(prompt);
        if (this.running.incrementAndGet() > this.maxRunning) {
            this.running.decrementAndGet();
            throw new TooManyRepliesException(this.maxRunning, Duration.ofSeconds(1));
        }
        Reply reply = new Reply(UUID.randomUUID().toString());
        this.replies.put(reply.id(), reply);
        Thread.startVirtualThread(() -> generate(reply, tokens));
        return reply;
    }

    Optional<Reply> find(String id) {
        return Optional.ofNullable(this.replies.get(id));
    }

    private void generate(Reply reply, Iterable<String> tokens) {
        try {
            for (String token : tokens) {
                if (!reply.append(token)) {
                    return; // cancelled: the model stops here
                }
            }
            reply.end(FinishReason.STOP, null);
        }
        catch (ModelFailedException ex) {
            reply.end(FinishReason.ERROR, ex.getMessage());
        }
        finally {
            this.running.decrementAndGet();
        }
    }

    /** Every second: cancels the replies nobody reads, and forgets the old ones. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void sweep() {
        for (Reply reply : this.replies.values()) {
            if (reply.abandoned(this.abandonAfter) && reply.end(FinishReason.CANCELLED, null)) {
                logger.info("Reply {} cancelled: nobody read it for {} s.", reply.id(), this.abandonAfter.toSeconds());
            }
            if (reply.expired(this.retention)) {
                this.replies.remove(reply.id());
            }
        }
    }
}
