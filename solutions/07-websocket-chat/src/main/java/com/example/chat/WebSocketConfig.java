package com.example.chat;

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

    private final ChatSocketHandler handler;

    WebSocketConfig(ChatSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this.handler, "/ws/chat");
    }
}
