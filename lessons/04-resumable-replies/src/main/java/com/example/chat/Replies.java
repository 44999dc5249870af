package com.example.chat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.example.kit.TodoException;
import com.example.kit.model.ChatModel;
import com.example.kit.model.ModelFailedException;

import org.springframework.stereotype.Component;

/**
 * Every reply, by id. A reply is generated on a thread of its own, from the moment it is
 * created, whoever reads it: its log outlives any one connection.
 */
@Component
class Replies {

    private final ChatModel model;

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    Replies(ChatModel model) {
        this.model = model;
    }

    /** Checks the prompt, then starts generating its reply. */
    Reply start(String prompt) {
        Iterable<String> tokens = this.model.tokens(prompt);
        Reply reply = new Reply(UUID.randomUUID().toString());
        // TODO-01: keep the reply in `replies` under its id, generate it on a virtual thread of
        //          its own (generate(reply, tokens)), and return it. It runs from now on,
        //          whoever reads it.
        throw new TodoException("TODO-01", "in Replies.start, keep the reply and generate it on a thread of its own (Hint 1).");
    }

    Optional<Reply> find(String id) {
        return Optional.ofNullable(this.replies.get(id));
    }

    private void generate(Reply reply, Iterable<String> tokens) {
        try {
            for (String token : tokens) {
                reply.append(token);
            }
            reply.end(FinishReason.STOP, null);
        }
        catch (ModelFailedException ex) {
            reply.end(FinishReason.ERROR, ex.getMessage());
        }
    }
}
