package com.example.chat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The WebSocket's limits, as Spring properties {@code chat.ws.*} (durations such as
 * {@code 15s}, sizes such as {@code 64KB}); the tests set them small.
 *
 * @param allowedOrigins         origins besides the page's own whose pages may open the socket
 *                               ({@code https://chat.example.com}); empty: the same origin only
 * @param maxMessageSize         the biggest text frame a client may send; a bigger one closes
 *                               the socket with 1009 (Tomcat's default is 8 KiB)
 * @param pingInterval           how long a socket may go without a frame from the server before
 *                               it gets a ping
 * @param idleTimeout            how long a socket may go without a frame (a pong included) from
 *                               the client before the server closes it
 * @param sendTimeLimit          how long one send may take before the client counts as too slow
 * @param sendBufferLimit        how many bytes may wait to be sent on one socket before the
 *                               client counts as too slow
 * @param maxRepliesPerSocket    how many replies may stream on one socket at once (32: lesson 07's
 *                               twenty replies on one socket fit)
 */
@ConfigurationProperties("chat.ws")
record SocketProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("64KB") DataSize maxMessageSize,
        @DefaultValue("15s") Duration pingInterval, @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("512KB") DataSize sendBufferLimit,
        @DefaultValue("32") int maxRepliesPerSocket) {
}
