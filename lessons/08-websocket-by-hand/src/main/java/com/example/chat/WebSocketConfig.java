package com.example.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

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
        // TODO-05: allow the origins of this.limits.allowedOrigins() besides the page's own, with
        //          setAllowedOrigins(...) on what addHandler returns.
        registry.addHandler(this.handler, "/ws/chat");
    }

    // TODO-04: add a @Bean method that returns a ServletServerContainerFactoryBean whose
    //          setMaxTextMessageBufferSize (and setMaxBinaryMessageBufferSize) is
    //          this.limits.maxMessageSize() in bytes: Tomcat's default, 8,192, closes the socket
    //          with 1009 when a bigger message comes.
}
