package com.example.chat;

import java.util.List;

/**
 * The answer to a poll, {@code GET /api/replies/{id}/tokens?from=k}: the reply's tokens
 * with {@code seq >= k} that exist now, and where the next poll starts.
 *
 * @param next the {@code from} of the next poll: {@code k} plus the tokens in this one
 * @param done whether the reply has ended, and these are its last tokens
 * @param finishReason why it ended; null while it runs
 */
record TokenBatch(String id, List<Reply.Token> tokens, int next, boolean done, FinishReason finishReason) {

    static TokenBatch of(String id, int from, Reply.Batch batch) {
        int next = from + batch.tokens().size();
        return (batch.end() != null)
                ? new TokenBatch(id, batch.tokens(), next, true, batch.end().finishReason())
                : new TokenBatch(id, batch.tokens(), next, false, null);
    }
}
