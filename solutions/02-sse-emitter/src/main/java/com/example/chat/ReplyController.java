package com.example.chat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
        String id = UUID.randomUUID().toString();
        this.pending.put(id, tokens);
        return ResponseEntity.created(URI.create("/api/replies/" + id))
                .body(new ReplyCreated(id, "/api/replies/" + id + "/stream"));
    }

    @GetMapping(path = "/api/replies/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String id) {
        Iterable<String> tokens = this.pending.remove(id);
        if (tokens == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No reply is waiting with the id '" + id + "'.");
        }
        // No timeout: the stream lasts as long as the reply. (Lesson 05 gives streams a life.)
        SseEmitter emitter = new SseEmitter(0L);
        // The model runs on a virtual thread of its own. This method returns at once, and
        // Spring MVC releases the request's thread while the response stays open (servlet async).
        Thread.startVirtualThread(() -> send(id, tokens, emitter));
        return emitter;
    }

    /**
     * Runs on the reply's own virtual thread: generates the tokens, sends each as an event
     * the moment it exists, then ends the response.
     */
    private void send(String id, Iterable<String> tokens, SseEmitter emitter) {
        int seq = 0;
        try {
            try {
                for (String token : tokens) {
                    emitter.send(SseEmitter.event().id(String.valueOf(seq)).name("token")
                            .data(new ReplyEvents.Token(seq, token)));
                    seq++;
                }
                emitter.send(SseEmitter.event().id(String.valueOf(seq)).name("done")
                        .data(new ReplyEvents.Done("stop", seq)));
            }
            catch (ModelFailedException ex) {
                emitter.send(SseEmitter.event().id(String.valueOf(seq)).name("error")
                        .data(new ReplyEvents.Error(ex.getMessage())));
            }
            emitter.complete();
        }
        catch (IOException ex) {
            // The write failed: the client went away. Stop generating: nobody reads.
            logger.info("Reply {} stopped after {} tokens: the client went away.", id, seq);
        }
        catch (IllegalStateException ex) {
            // The response was closed under this thread: the server is stopping.
            logger.info("Reply {} stopped after {} tokens: the server is stopping.", id, seq);
        }
    }
}
