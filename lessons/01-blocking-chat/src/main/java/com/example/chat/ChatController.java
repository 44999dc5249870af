package com.example.chat;

import java.util.UUID;

import com.example.kit.TodoException;
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
        // TODO-01: iterate the tokens (each one waits for the model), add each to the reply's
        //          text and count it, and answer with a ChatResponse (a new id, finishReason
        //          "stop"). A model that fails mid-reply throws ModelFailedException: answer
        //          then with the text so far and finishReason "error".
        throw new TodoException("TODO-01", "in ChatController.chat, collect the tokens into the reply's text and answer with a ChatResponse.");
    }
}
