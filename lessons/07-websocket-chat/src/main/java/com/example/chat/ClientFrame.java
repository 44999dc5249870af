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
 * kind it is. Lesson 07 has one kind, {@code {"type":"prompt","prompt":"...","ref":"..."}};
 * lesson 08 adds {@code cancel} and {@code resume}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = ClientFrame.Prompt.class, name = "prompt"))
sealed interface ClientFrame {

    /**
     * Ask the model: starts a reply.
     *
     * @param ref any text the client chooses, sent back in the reply frame, so that a client
     *            with several prompts on the way knows which reply is whose; may be null
     */
    record Prompt(String prompt, String ref) implements ClientFrame {
    }

    /** Reads a text frame; a frame that is not one of the kinds above is a {@link BadFrameException}. */
    static ClientFrame read(JsonMapper json, String text) {
        try {
            ClientFrame frame = json.readValue(text, ClientFrame.class);
            if (frame == null) {
                throw new BadFrameException("The frame is null: send an object, " + BadFrameException.EXAMPLE + ".");
            }
            return frame;
        }
        catch (InvalidTypeIdException ex) {
            throw new BadFrameException((ex.getTypeId() == null)
                    ? "The frame has no \"type\": send " + BadFrameException.EXAMPLE + "."
                    : "The frame's type \"" + ex.getTypeId() + "\" is not one this server knows: send "
                            + BadFrameException.EXAMPLE + ".");
        }
        catch (StreamReadException ex) {
            throw new BadFrameException("The frame is not JSON (" + ex.getOriginalMessage() + "): send "
                    + BadFrameException.EXAMPLE + ".");
        }
        catch (DatabindException ex) {
            String field = ex.getPath().isEmpty() ? null : ex.getPath().getLast().getPropertyName();
            throw new BadFrameException((field != null)
                    ? "The frame's \"" + field + "\" must be a string: send " + BadFrameException.EXAMPLE + "."
                    : "The frame is not a JSON object: send " + BadFrameException.EXAMPLE + ".");
        }
        catch (JacksonException ex) {
            throw new BadFrameException("The frame cannot be read (" + ex.getOriginalMessage() + "): send "
                    + BadFrameException.EXAMPLE + ".");
        }
    }
}
