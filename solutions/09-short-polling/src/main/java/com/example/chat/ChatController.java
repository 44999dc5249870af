package com.example.chat;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The blocking chat: the whole reply in one response, sent once the model has finished.
 * Its reply is a reply like any other, so {@code GET /api/replies/{id}} reads it back.
 */
@RestController
class ChatController {

    private final Replies replies;

    ChatController(Replies replies) {
        this.replies = replies;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@RequestBody ChatRequest request) throws InterruptedException {
        // Checks the prompt first: a bad one is answered with 400 or 413 problem details.
        Reply reply = this.replies.start(request.prompt());
        // The request thread waits here for the whole reply: nothing is sent until the end.
        // It reads the reply meanwhile, so the reply is not abandoned.
        reply.readerCame();
        try {
            Reply.End end = reply.awaitEnd();
            return new ChatResponse(reply.id(), reply.status().text(), end.tokens(), end.finishReason());
        }
        finally {
            reply.readerLeft();
        }
    }
}
