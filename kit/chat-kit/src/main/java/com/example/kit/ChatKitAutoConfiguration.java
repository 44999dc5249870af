package com.example.kit;

import com.example.kit.model.ChatModel;
import com.example.kit.model.ChatModelProperties;
import com.example.kit.model.PromptProperties;
import com.example.kit.model.PromptValidator;
import com.example.kit.model.SimulatedChatModel;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives every lesson a {@link ChatModel} bean: the simulated model, unless the
 * application defines its own. Listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports},
 * which is how Spring Boot finds auto-configurations in a jar.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties({ ChatModelProperties.class, PromptProperties.class })
public class ChatKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PromptValidator promptValidator(PromptProperties properties) {
        return new PromptValidator(properties.maxChars());
    }

    /**
     * Jackson turns {@code {"prompt": 42}} into the string "42" by default; a prompt must be
     * a JSON string, so numbers and booleans are refused (400) where a string is expected.
     */
    @Bean
    JsonMapperBuilderCustomizer stringsMustBeStrings() {
        return (builder) -> builder.withCoercionConfig(LogicalType.Textual, (config) -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Replaces Spring Boot's problem details handler, which backs off when this one exists. */
    @Bean
    @ConditionalOnBooleanProperty("spring.mvc.problemdetails.enabled")
    ChatProblemDetails chatProblemDetails() {
        return new ChatProblemDetails();
    }

    /**
     * An encoded slash in a path ({@code /api/replies/a%2Fb}) reaches Spring MVC, which
     * answers it like any unknown reply (404, problem details), instead of Tomcat's bare
     * 400 page. Spring decodes it in the path variable.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> encodedSlashesReachSpring() {
        return (factory) -> factory.addConnectorCustomizers(
                (connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /** Spring Boot registers a Filter bean for every request. */
    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter() {
        return new RequestBodyLimitFilter();
    }

    /**
     * A {@code @Scheduled} method still to write in a starter says so in one line, once
     * (whichever scheduler Spring Boot configures: a pool, or virtual threads).
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledTodosInOneLine() {
        return (scheduler) -> scheduler.setErrorHandler(new TodoAwareErrorHandler());
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledTodosInOneLineOnVirtualThreads() {
        return (scheduler) -> scheduler.setErrorHandler(new TodoAwareErrorHandler());
    }

    @Bean
    @ConditionalOnMissingBean
    ChatModel chatModel(PromptValidator validator, ChatModelProperties properties) {
        return new SimulatedChatModel(validator, properties.firstTokenDelay(), properties.tokenDelay());
    }
}
