package com.example.chat;

/** What the page sends: {@code {"prompt": "..."}}. */
record ChatRequest(String prompt) {
}
