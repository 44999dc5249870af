package com.example.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The chat's WebSocket endpoint: {@code /ws/chat}, answered by {@link ChatSocketHandler}.
 * Spring answers the upgrade handshake there ({@code 101 Switching Protocols}); only a page
 * of this same origin may open it (Spring's default: a foreign {@code Origin} gets 403).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private static final Logger logger = LoggerFactory.getLogger(WebSocketConfig.class);

    private final ChatSocketHandler handler;

    WebSocketConfig(ChatSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // TODO-01: register this.handler at the path /ws/chat, with registry.addHandler(...).
        //          Until then, GET /ws/chat is answered 404: there is no socket to open.
        logger.warn("TODO-01 is not done yet: in WebSocketConfig, register ChatSocketHandler at /ws/chat.");
    }
}
