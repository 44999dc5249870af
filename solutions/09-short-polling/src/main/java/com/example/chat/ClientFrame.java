package com.example.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A frame the client sends over the socket: a JSON object whose {@code "type"} says which
 * kind it is: {@code prompt} starts a reply, {@code cancel} stops one, {@code resume} sends
 * one again from a token on.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ClientFrame.Prompt.class, name = "prompt"),
        @JsonSubTypes.Type(value = ClientFrame.Cancel.class, name = "cancel"),
        @JsonSubTypes.Type(value = ClientFrame.Resume.class, name = "resume") })
sealed interface ClientFrame {

    /**
     * Ask the model: starts a reply.
     *
     * @param ref any text the client chooses, sent back in the reply frame, so that a client
     *            with several prompts on the way knows which reply is whose; may be null
     */
    record Prompt(String prompt, String ref) implements ClientFrame {
    }

    /** {@code {"type":"cancel","id":"..."}}: stop reply {@code id}, as {@code POST /api/replies/{id}/cancel} does. */
    record Cancel(String id) implements ClientFrame {

        static final String EXAMPLE = "{\"type\":\"cancel\",\"id\":\"the reply's id\"}";
    }

    /**
     * {@code {"type":"resume","id":"...","from":k}}: send reply {@code id}'s tokens from
     * {@code seq} {@code from} on, then its end, as polling's {@code from} and SSE's
     * {@code Last-Event-ID} do. A reply started over HTTP can be read this way too.
     */
    record Resume(String id, Long from) implements ClientFrame {

        static final String EXAMPLE = "{\"type\":\"resume\",\"id\":\"the reply's id\",\"from\":0}";
    }

    /** Reads a text frame; a frame that is not one of the kinds above is a {@link BadFrameException}. */
    static ClientFrame read(JsonMapper json, String text) {
        try {
            ClientFrame frame = json.readValue(text, ClientFrame.class);
            if (frame == null) {
                throw new BadFrameException("The frame is null: send an object, " + BadFrameException.EXAMPLE + ".");
            }
            return withItsFields(frame);
        }
        catch (InvalidTypeIdException ex) {
            throw new BadFrameException((ex.getTypeId() == null)
                    ? "The frame has no \"type\": send " + BadFrameException.EXAMPLE + "."
                    : "The frame's type \"" + ex.getTypeId() + "\" is not one this server knows (prompt, cancel, "
                            + "resume): send " + BadFrameException.EXAMPLE + ".");
        }
        catch (StreamReadException ex) {
            throw new BadFrameException("The frame is not JSON (" + ex.getOriginalMessage() + "): send "
                    + BadFrameException.EXAMPLE + ".");
        }
        catch (DatabindException ex) {
            String field = ex.getPath().isEmpty() ? null : ex.getPath().getLast().getPropertyName();
            if (field == null) {
                throw new BadFrameException("The frame is not a JSON object: send " + BadFrameException.EXAMPLE + ".");
            }
            throw new BadFrameException(field.equals("from")
                    ? "The frame's \"from\" must be a whole number, the seq of a token: send " + Resume.EXAMPLE + "."
                    : "The frame's \"" + field + "\" must be a string: send " + BadFrameException.EXAMPLE + ".");
        }
        catch (JacksonException ex) {
            throw new BadFrameException("The frame cannot be read (" + ex.getOriginalMessage() + "): send "
                    + BadFrameException.EXAMPLE + ".");
        }
    }

    /**
     * The frame, once it has the fields its kind needs. (A prompt's own text is checked as
     * over HTTP, when its reply starts: missing, blank, too long...)
     */
    private static ClientFrame withItsFields(ClientFrame frame) {
        switch (frame) {
            case Prompt prompt -> {
            }
            case Cancel cancel -> require(cancel.id(), "id", Cancel.EXAMPLE);
            case Resume resume -> {
                require(resume.id(), "id", Resume.EXAMPLE);
                require(resume.from(), "from", Resume.EXAMPLE);
            }
        }
        return frame;
    }

    private static void require(Object value, String field, String example) {
        if (value == null) {
            throw new BadFrameException("The frame is missing its \"" + field + "\": send " + example + ".");
        }
    }
}
