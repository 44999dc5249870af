package com.example.chat;

/**
 * The whole reply, sent once it has ended.
 *
 * @param finishReason {@code stop} when the model finished, {@code error} when it failed
 */
record ChatResponse(String id, String text, int tokens, FinishReason finishReason) {
}
