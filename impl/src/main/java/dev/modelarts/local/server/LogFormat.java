package dev.modelarts.local.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * {@code --log-format json}: the console appender of logback.xml gets logback's own JSON encoder
 * (no extra library), one object per line with the timestamp (epoch milliseconds), level,
 * thread, logger, MDC (the request id), key-value pairs (the access line's fields), the
 * formatted message and any throwable as a structured object.
 */
final class LogFormat {

    private static final String CONSOLE = "STDOUT";

    private LogFormat() {
    }

    static void useJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J backend, configured by whoever embeds the server
        }
        if (!(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE)
                instanceof ConsoleAppender<ILoggingEvent> console)) {
            throw new IllegalStateException("logback.xml has no console appender named " + CONSOLE);
        }
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMarkers(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        console.stop();
        console.setEncoder(json);
        console.start();
    }
}
