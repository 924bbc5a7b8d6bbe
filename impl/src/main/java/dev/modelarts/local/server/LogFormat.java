package dev.modelarts.local.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * {@code --log-format json}: the console appender of {@link ServerLogging} gets the
 * {@link JsonLines} encoder, one flat object per line.
 */
final class LogFormat {

    private LogFormat() {
    }

    static void useJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J backend, configured by whoever embeds the server
        }
        if (!(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ServerLogging.CONSOLE)
                instanceof ConsoleAppender<ILoggingEvent> console)) {
            throw new IllegalStateException("the logging has no console appender named " + ServerLogging.CONSOLE);
        }
        JsonLines json = new JsonLines();
        json.setContext(context);
        json.start();
        console.stop();
        console.setEncoder(json);
        console.start();
    }
}
