package com.example.chat;

/**
 * The answer to {@code GET /api/replies/{id}}.
 *
 * @param status "running" or "ended"
 * @param finishReason null while running
 */
record ReplyStatus(String id, String status, int tokens, String text, String finishReason) {
}
