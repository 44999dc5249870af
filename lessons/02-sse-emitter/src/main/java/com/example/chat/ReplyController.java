package com.example.chat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.example.kit.TodoException;
import com.example.kit.model.ChatModel;
import com.example.kit.model.ModelFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a reply token by token with Server-Sent Events, in two requests: a POST that
 * takes the prompt, then a GET that streams the reply (a browser's EventSource can only
 * GET, and a prompt in the URL would soon hit the limits on URL length).
 */
@RestController
class ReplyController {

    private static final Logger logger = LoggerFactory.getLogger(ReplyController.class);

    private final ChatModel model;

    /** Replies created but not streamed yet. Their tokens are generated when streamed. */
    private final Map<String, Iterable<String>> pending = new ConcurrentHashMap<>();

    ReplyController(ChatModel model) {
        this.model = model;
    }

    @PostMapping(path = "/api/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReplyCreated> create(@RequestBody ChatRequest request) {
        Iterable<String> tokens = this.model.tokens(request.prompt()); // checks the prompt, generates nothing yet
        // TODO-01: give the reply a new id, keep its tokens in `pending` under it, and answer
        //          201 Created, with a Location header naming /api/replies/{id} and a
        //          ReplyCreated body (the id, and the path of its stream).
        throw new TodoException("TODO-01", "in ReplyController.create, keep the tokens under a new id and answer 201 Created.");
    }

    @GetMapping(path = "/api/replies/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String id) {
        Iterable<String> tokens = this.pending.remove(id);
        if (tokens == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No reply is waiting with the id '" + id + "'.");
        }
        // TODO-02: create an SseEmitter without a timeout, run send(id, tokens, emitter) on a
        //          virtual thread of its own, and return the emitter at once.
        throw new TodoException("TODO-02", "in ReplyController.stream, return an SseEmitter and send on another thread.");
    }

    /**
     * Runs on the reply's own virtual thread: generates the tokens, sends each as an event
     * the moment it exists, then ends the response.
     */
    private void send(String id, Iterable<String> tokens, SseEmitter emitter) {
        // TODO-03: send each token as an event named "token" (its id: seq, the token's position;
        //          its data: new ReplyEvents.Token(seq, token)), then an event named "done" (data
        //          new ReplyEvents.Done("stop", seq)), or "error" if the model fails (data
        //          new ReplyEvents.Error(message)); then complete() the emitter. A send that throws
        //          IOException means the client went away; IllegalStateException, that the
        //          server is stopping: log one line, and stop.
        // Until then, the stream ends at once with an "error" event that says so:
        String todo = new TodoException("TODO-03", "in ReplyController.send, send each token as an event, then done, then complete the emitter.").getMessage();
        try {
            emitter.send(SseEmitter.event().name("error").data(new ReplyEvents.Error(todo)));
            emitter.complete();
        }
        catch (IOException ex) {
            logger.info("Reply {}: {}", id, todo);
        }
    }
}
