package com.example.chat;

import java.util.UUID;

import com.example.kit.model.ChatModel;
import com.example.kit.model.ModelFailedException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The blocking chat: the whole reply in one response, sent once the model has finished.
 */
@RestController
class ChatController {

    private final ChatModel model;

    ChatController(ChatModel model) {
        this.model = model;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@RequestBody ChatRequest request) {
        // Checks the prompt first: a bad one is answered with 400 or 413 problem details.
        Iterable<String> tokens = this.model.tokens(request.prompt());
        StringBuilder text = new StringBuilder();
        int count = 0;
        String finishReason = "stop";
        try {
            // The request thread waits here for every token: nothing is sent until the end.
            for (String token : tokens) {
                text.append(token);
                count++;
            }
        }
        catch (ModelFailedException ex) {
            // The model failed mid-reply: still an answer, with the text so far.
            finishReason = "error";
        }
        return new ChatResponse(UUID.randomUUID().toString(), text.toString(), count, finishReason);
    }
}
