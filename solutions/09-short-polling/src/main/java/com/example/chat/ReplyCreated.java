package com.example.chat;

/** The answer to {@code POST /api/replies}: the new reply's id, and where to stream it. */
record ReplyCreated(String id, String stream) {
}
