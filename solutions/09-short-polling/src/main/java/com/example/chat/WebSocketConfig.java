package com.example.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The chat's WebSocket endpoint: {@code /ws/chat}, answered by {@link ChatSocketHandler}.
 * Spring answers the upgrade handshake there ({@code 101 Switching Protocols}) for a page of
 * this same origin, or of one of {@code chat.ws.allowed-origins}; any other origin gets 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(SocketProperties.class)
class WebSocketConfig implements WebSocketConfigurer {

    private final ChatSocketHandler handler;

    private final SocketProperties limits;

    WebSocketConfig(ChatSocketHandler handler, SocketProperties limits) {
        this.handler = handler;
        this.limits = limits;
    }

    /**
     * Only pages of these origins may open the socket. A browser sends the page's cookies with
     * any site's handshake, and CORS does not apply to WebSocket: the {@code Origin} header,
     * which a page cannot forge, is the one thing that tells the chat's page from another
     * site's (cross-site WebSocket hijacking).
     */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this.handler, "/ws/chat")
                .setAllowedOrigins(this.limits.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Tomcat's WebSocket container: it reads a text message into a buffer of 8,192 chars by
     * default, and closes the socket with 1009 (message too big) when a message does not fit.
     * The contract reads messages of up to 65,536 bytes ({@code chat.ws.max-message-size}): a
     * buffer of that many chars holds every one of them (a char takes at least one byte), and
     * the handler closes those of more bytes that fit anyway.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int size = (int) this.limits.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(size);
        container.setMaxBinaryMessageBufferSize(size);
        return container;
    }
}
