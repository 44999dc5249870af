package com.example.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.kit.TodoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The chat over WebSocket, at {@code /ws/chat}. The client sends prompt frames; the server
 * answers each with a reply frame, then sends the reply's tokens and its end as the model
 * produces them. Every frame names its reply, so several replies stream on one socket at
 * once, each sent by a virtual thread of its own. The replies are the same as over HTTP
 * ({@link Replies}): one started here can be read over SSE too.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger logger = LoggerFactory.getLogger(ChatSocketHandler.class);

    /** How long one send may take before the client counts as too slow (lesson 08 looks at slow clients). */
    static final int SEND_TIME_LIMIT_MS = 10_000;

    /** How many bytes may wait to be sent on one socket before the client counts as too slow. */
    static final int BUFFER_SIZE_LIMIT = 512 * 1024;

    /** How often a reply's thread, while no token comes, checks that its socket is still open. */
    static final Duration OPEN_CHECK = Duration.ofSeconds(1);

    private final Replies replies;

    private final JsonMapper json;

    /** Each open socket, by its session's id, decorated so that several threads can send on it. */
    private final Map<String, WebSocketSession> sockets = new ConcurrentHashMap<>();

    ChatSocketHandler(Replies replies, JsonMapper json) {
        this.replies = replies;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // Several replies stream on one socket, each from its own thread, and Tomcat refuses a
        // send while another one is in progress (IllegalStateException: TEXT_PARTIAL_WRITING).
        // The decorator sends one message at a time, in the order they were sent, and queues
        // the others meanwhile, up to the limits.
        this.sockets.put(session.getId(),
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_SIZE_LIMIT));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        this.sockets.remove(session.getId());
    }

    /**
     * A text frame from the client. Tomcat hands one socket's frames over one at a time, in
     * order. A frame that cannot be read, or a bad prompt, gets an error frame whose id is
     * null, as HTTP would answer 400: the socket stays open for the next frame.
     */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WebSocketSession socket = this.sockets.get(session.getId());
        try {
            try {
                switch (ClientFrame.read(this.json, message.getPayload())) {
                    case ClientFrame.Prompt prompt -> start(prompt, socket);
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
        catch (IOException ex) {
            logger.info("Socket {} closed: the client went away.", session.getId());
        }
    }

    /**
     * Starts the prompt's reply (checking the prompt first, as over HTTP), answers with its
     * reply frame, and sends its events on a virtual thread of their own.
     */
    private void start(ClientFrame.Prompt prompt, WebSocketSession socket) throws IOException {
        // TODO-02: start the reply with this.replies.start(prompt.prompt()) (a bad prompt throws,
        //          and handleTextMessage answers it with an error frame); send its ReplyFrame
        //          (its id, and prompt.ref()) with sendFrame, here, before the next frame is
        //          read; then, on a virtual thread of its own, a new method send(reply, socket)
        //          sends ServerFrame.of(reply.id(), event) for each event of the reply's log,
        //          from 0, as reply.await(seq, OPEN_CHECK) returns it, until the Reply.End, while
        //          socket.isOpen(). A client gone (an IOException from sendFrame, or a closed
        //          socket) is clientWentAway(reply, seq, why); any other exception is a bug:
        //          log it with its cause and close the socket (CloseStatus.SERVER_ERROR).
        //          Count the reader: reply.readerCame(), and reply.readerLeft() in a finally.
        throw new TodoException("TODO-02", "in ChatSocketHandler.start, start the reply, send its reply frame, "
                + "then its tokens and its end on a virtual thread of its own.");
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
    private void sendFrame(WebSocketSession socket, ServerFrame frame) throws IOException {
        TextMessage message = new TextMessage(this.json.writeValueAsString(frame));
        try {
            socket.sendMessage(message);
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
