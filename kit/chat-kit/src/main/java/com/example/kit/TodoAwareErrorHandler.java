package com.example.kit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * What a scheduled task's failure logs. A starter's {@link TodoException} (a {@code @Scheduled}
 * method the learner has not written yet) is one WARN line with its instruction, once,
 * rather than a stack trace every time the task runs; any other failure is logged as Spring
 * logs it, as an error with its stack trace.
 */
final class TodoAwareErrorHandler implements ErrorHandler {

    private static final Logger logger = LoggerFactory.getLogger(TodoAwareErrorHandler.class);

    private final Set<String> told = ConcurrentHashMap.newKeySet();

    @Override
    public void handleError(Throwable failure) {
        if (failure instanceof TodoException todo) {
            if (this.told.add(todo.getMessage())) {
                logger.warn("A scheduled task is not written yet: {}", todo.getMessage());
            }
            return;
        }
        TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
    }
}
