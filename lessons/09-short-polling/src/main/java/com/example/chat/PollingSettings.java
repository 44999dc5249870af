package com.example.chat;

/**
 * What the page needs to know to poll, {@code GET /api/polling}: how long it waits between
 * two short polls ({@code chat.poll.interval}), in milliseconds.
 */
record PollingSettings(long intervalMs) {
}
