package dev.modelarts.local.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * The log events written while it is open, from one logger or from every logger (Grizzly's and
 * Jersey's too: the server routes java.util.logging into the same log).
 *
 * <p>Logback fills an event's MDC lazily, from the thread that first asks. The server logs on its
 * own threads and a test reads on another, so each event is prepared where it is logged; without
 * that a test could see the reader's empty MDC instead of the request id. The events are kept in
 * a list that a reader may copy while the server still writes.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    /** Every logger's events. */
    public LogCapture() {
        this(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The events of one logger and its children. */
    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** The events so far, in the order they were logged. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    public List<ILoggingEvent> atLeast(Level level) {
        return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).toList();
    }

    /** The events, one line each, for an assertion message. */
    public static String describe(List<ILoggingEvent> events) {
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ")"))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
