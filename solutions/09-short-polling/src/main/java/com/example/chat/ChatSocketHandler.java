package com.example.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The chat over WebSocket, at {@code /ws/chat}. The client sends prompt, cancel and resume
 * frames; the server answers a prompt with a reply frame, then sends the reply's tokens and
 * its end as the model produces them. Every frame names its reply, so several replies stream
 * on one socket at once, each sent by a virtual thread of its own. The replies are the same as
 * over HTTP ({@link Replies}): one started here can be read over SSE, and one started over
 * HTTP can be resumed here. What EventSource and HTTP gave the SSE arc for free is done here
 * by hand: resume, cancel, pings, an idle timeout, and what to do with a client too slow.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger logger = LoggerFactory.getLogger(ChatSocketHandler.class);

    /** How often a reply's thread, while no token comes, checks that its socket is still open. */
    static final Duration OPEN_CHECK = Duration.ofSeconds(1);

    private final Replies replies;

    private final JsonMapper json;

    private final SocketProperties limits;

    /** {@code chat.streams.active} and {@code chat.tokens.sent}, tagged {@code ws}: replies being sent. */
    private final StreamMeters meters;

    /** Each open socket, by its session's id. */
    private final Map<String, OpenSocket> sockets = new ConcurrentHashMap<>();

    ChatSocketHandler(Replies replies, JsonMapper json, SocketProperties limits, MeterRegistry meters) {
        this.replies = replies;
        this.json = json;
        this.limits = limits;
        this.meters = StreamMeters.register(meters, "ws");
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // Several replies stream on one socket, each from its own thread, and Tomcat refuses a
        // send while another one is in progress (IllegalStateException: TEXT_PARTIAL_WRITING).
        // The decorator sends one message at a time, in the order they were sent, and queues
        // the others meanwhile, up to the limits.
        this.sockets.put(session.getId(), new OpenSocket(new ConcurrentWebSocketSessionDecorator(session,
                (int) this.limits.sendTimeLimit().toMillis(), (int) this.limits.sendBufferLimit().toBytes())));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        this.sockets.remove(session.getId());
    }

    /** A pong, the client's answer to a ping: it is still there. */
    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        OpenSocket socket = this.sockets.get(session.getId());
        if (socket != null) {
            socket.heard();
        }
    }

    /**
     * A text frame from the client. Tomcat hands one socket's frames over one at a time, in
     * order. A frame that cannot be read, or a bad prompt, gets an error frame whose id is
     * null, as HTTP would answer 400: the socket stays open for the next frame.
     */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        OpenSocket socket = this.sockets.get(session.getId());
        socket.heard();
        if (message.getPayloadLength() > this.limits.maxMessageSize().toBytes()) {
            // Tomcat's buffer counts UTF-16 chars, not bytes (4,000 emoji are 8,000 chars and
            // 16,000 bytes): the contract's limit is in bytes, so a message within the buffer
            // may still be too big.
            closeQuietly(socket.session(), CloseStatus.TOO_BIG_TO_PROCESS.withReason("A message may have at most "
                    + this.limits.maxMessageSize().toBytes() + " bytes (chat.ws.max-message-size)."));
            return;
        }
        try {
            try {
                switch (ClientFrame.read(this.json, message.getPayload())) {
                    case ClientFrame.Prompt prompt -> start(prompt, socket);
                    case ClientFrame.Cancel cancel -> cancel(cancel, socket);
                    case ClientFrame.Resume resume -> resume(resume, socket);
                }
            }
            catch (BadFrameException ex) {
                sendFrame(socket, new ServerFrame.ErrorFrame(null, ex.getMessage()));
            }
            catch (ErrorResponseException ex) {
                // A bad prompt (BadPromptException: 400, 413 over HTTP) or too many replies (503).
                sendFrame(socket, new ServerFrame.ErrorFrame(null, ex.getBody().getDetail()));
            }
        }
        catch (SessionLimitExceededException ex) {
            closeTooSlow(socket, ex);
        }
        catch (IOException ex) {
            logger.info("Socket {} closed: the client went away.", session.getId());
        }
    }

    /**
     * Starts the prompt's reply (checking the prompt first, as over HTTP), answers with its
     * reply frame, and sends its events on a virtual thread of their own; unless this socket
     * streams as many replies as it may already, which gets an error frame instead.
     */
    private void start(ClientFrame.Prompt prompt, OpenSocket socket) throws IOException {
        if (socket.streaming() >= this.limits.maxRepliesPerSocket()) {
            sendFrame(socket, new ServerFrame.ErrorFrame(null, tooManyOnThisSocket()));
            return;
        }
        Reply reply = this.replies.start(prompt.prompt());
        // Sent here, before the next frame is read: the client gets the answer to each of its
        // prompts (a reply frame, or an error frame) in the order it sent them.
        sendFrame(socket, new ServerFrame.ReplyFrame(reply.id(), prompt.ref()));
        stream(reply, 0, socket);
    }

    /** Cancels a running reply, as {@code POST /api/replies/{id}/cancel} does; its stream then ends with done, cancelled. */
    private void cancel(ClientFrame.Cancel cancel, OpenSocket socket) throws IOException {
        Optional<Reply> reply = this.replies.find(cancel.id());
        if (reply.isEmpty()) {
            sendFrame(socket, new ServerFrame.ErrorFrame(cancel.id(), noSuchReply(cancel.id())));
        }
        else if (!reply.get().end(FinishReason.CANCELLED, null)) {
            sendFrame(socket, new ServerFrame.ErrorFrame(cancel.id(), "Reply " + cancel.id() + " has already ended."));
        }
    }

    /**
     * Sends reply {@code id}'s tokens from {@code seq} {@code from} on, then its end: what
     * EventSource's {@code Last-Event-ID} did for the SSE arc. {@code from} may be the number
     * of tokens the reply has so far (the next token, which the stream then waits for), not more.
     */
    private void resume(ClientFrame.Resume resume, OpenSocket socket) throws IOException {
        Optional<Reply> found = this.replies.find(resume.id());
        if (found.isEmpty()) {
            sendFrame(socket, new ServerFrame.ErrorFrame(resume.id(), noSuchReply(resume.id())));
            return;
        }
        Reply reply = found.get();
        int tokens = reply.status().tokens();
        if (resume.from() < 0 || resume.from() > tokens) {
            sendFrame(socket, new ServerFrame.ErrorFrame(resume.id(), "Cannot resume reply " + resume.id() + " from "
                    + resume.from() + ": \"from\" must be a seq from 0 to " + tokens + ", the tokens it has so far."));
            return;
        }
        if (socket.isStreaming(reply.id())) {
            sendFrame(socket, new ServerFrame.ErrorFrame(resume.id(), "Reply " + resume.id()
                    + " is streaming on this socket already."));
            return;
        }
        if (socket.streaming() >= this.limits.maxRepliesPerSocket()) {
            sendFrame(socket, new ServerFrame.ErrorFrame(resume.id(), tooManyOnThisSocket()));
            return;
        }
        stream(reply, resume.from().intValue(), socket);
    }

    /** Sends the reply's events from {@code from} on, on a virtual thread of their own. */
    private void stream(Reply reply, int from, OpenSocket socket) {
        socket.startStreaming(reply.id());
        Thread.startVirtualThread(() -> send(reply, from, socket));
    }

    /** Sends the reply's events as frames, from {@code from} on, as the model produces them, until its end. */
    private void send(Reply reply, int from, OpenSocket socket) {
        int seq = from;
        reply.readerCame();
        this.meters.openStreams().incrementAndGet();
        try {
            while (socket.session().isOpen()) {
                Reply.Event event = reply.await(seq, OPEN_CHECK);
                if (event == null) {
                    continue; // no token for a while: check that the socket is still open
                }
                sendFrame(socket, ServerFrame.of(reply.id(), event));
                if (event instanceof Reply.End) {
                    return;
                }
                this.meters.tokensSent().increment();
                seq++;
            }
            clientWentAway(reply, seq, "the socket has closed");
        }
        catch (SessionLimitExceededException ex) {
            closeTooSlow(socket, ex);
        }
        catch (IOException ex) {
            clientWentAway(reply, seq, ex.getMessage()); // the socket broke, or closed, mid-send
        }
        catch (RuntimeException ex) {
            // A bug (a frame that cannot be written as JSON, say): say so, with its cause, and
            // close the socket as Spring closes it after any error a handler throws (1011), so
            // that the client does not wait forever.
            logger.error("Reply {} over WebSocket failed at event {}.", reply.id(), seq, ex);
            closeQuietly(socket.session(), CloseStatus.SERVER_ERROR);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            socket.stopStreaming(reply.id());
            this.meters.openStreams().decrementAndGet();
            reply.readerLeft();
        }
    }

    /**
     * Every {@code chat.ws.ping-interval}: closes the sockets that the client has not answered
     * for {@code chat.ws.idle-timeout} (no frame, no pong), and pings those the server has sent
     * nothing to for a {@code ping-interval}. Nothing does it for a raw handler (STOMP has
     * heartbeats): without it, a socket whose client vanished stays open, and a proxy closes a
     * quiet one. The client's WebSocket answers each ping with a pong by itself.
     */
    @Scheduled(fixedDelayString = "${chat.ws.ping-interval:15s}")
    void pingIdleSockets() {
        for (OpenSocket socket : this.sockets.values()) {
            if (socket.silentFor(this.limits.idleTimeout())) {
                logger.info("Socket {} closed: nothing from the client for {} ms, not even a pong.",
                        socket.session().getId(), this.limits.idleTimeout().toMillis());
                closeQuietly(socket.session(), CloseStatus.GOING_AWAY);
            }
            else if (socket.idleFor(this.limits.pingInterval())) {
                // On a thread of its own: a ping to a client that reads nothing may wait.
                Thread.startVirtualThread(() -> ping(socket));
            }
        }
    }

    private void ping(OpenSocket socket) {
        try {
            socket.session().sendMessage(new PingMessage());
            socket.sent();
        }
        catch (SessionLimitExceededException ex) {
            closeTooSlow(socket, ex);
        }
        catch (IOException | IllegalStateException ex) {
            // closed, or closing: afterConnectionClosed forgets it
        }
    }

    /**
     * A client that reads too slowly: frames waited longer than {@code chat.ws.send-time-limit}
     * to be sent, or more than {@code chat.ws.send-buffer-limit} bytes of them. The decorator
     * says so with this exception, and sends nothing more, but leaves the socket open: close it,
     * so that the client knows (4500, Spring's "session not reliable"), and can resume on a new
     * socket. Its replies go on on the server.
     */
    private void closeTooSlow(OpenSocket socket, SessionLimitExceededException ex) {
        logger.info("Socket {} closed: the client reads too slowly ({}).", socket.session().getId(), ex.getMessage());
        closeQuietly(socket.session(), ex.getStatus());
    }

    private String tooManyOnThisSocket() {
        return this.limits.maxRepliesPerSocket() + " replies are streaming on this socket, the most it may have at once "
                + "(chat.ws.max-replies-per-socket): wait for one to end, or cancel one.";
    }

    private static String noSuchReply(String id) {
        return "There is no reply with the id '" + id + "'.";
    }

    /** A client gone is not an error: one line, without a stack trace, saying why. The reply goes on. */
    private static void clientWentAway(Reply reply, int seq, String why) {
        logger.info("Reply {} over WebSocket stopped at event {}: the client went away ({}).", reply.id(), seq, why);
    }

    /**
     * Sends a frame. Tomcat refuses to send on a socket that is closed, or closing, with an
     * IllegalStateException, which may come before {@code isOpen()} says so: for the sender,
     * that is a write that failed, an IOException, as when the connection breaks mid-write.
     */
    private void sendFrame(OpenSocket socket, ServerFrame frame) throws IOException {
        TextMessage message = new TextMessage(this.json.writeValueAsString(frame));
        try {
            socket.session().sendMessage(message);
            socket.sent();
        }
        catch (IllegalStateException ex) {
            throw new IOException("The socket cannot be written to: " + ex.getMessage(), ex);
        }
    }

    private static void closeQuietly(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        }
        catch (IOException ex) {
            // closed already
        }
    }
}
