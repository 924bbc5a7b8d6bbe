package dev.modelarts.local.server;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * The standalone server's logging, set up in code rather than read from an XML file: reading
 * logback's XML (the JDK's XML parser and logback's Joran, all cold code) took about 0.1 s of
 * every start with the class-data archive and 0.3 s without, before the first line
 * (BENCHMARKS.md, "the port before Jersey"). An operator's own file, named with
 * {@code -Dlogback.configurationFile}, replaces all of this.
 */
final class ServerLogging {

    /** The console appender's name, which {@link LogFormat} looks up for {@code --log-format json}. */
    static final String CONSOLE = "STDOUT";
    /** Where the access level is read from: a system property or the environment, in that order. */
    static final String ACCESS_LEVEL = "MODELARTS_ACCESS_LOG_LEVEL";

    /**
     * One line per event; {@code rid}, the request id, on every line written while a request is
     * served (and no {@code rid=} otherwise).
     */
    private static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}: %msg%replace( rid=%X{requestId}){' rid=$', ''}%n";

    /** Libraries' loggers held above INFO, and why. */
    private static final Map<String, Level> QUIETER = Map.of(
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.glassfish", Level.WARN,
            // Jersey warns, wrongly, about every resource registered as an instance whose @Path is
            // on the interface it implements (eclipse-ee4j/jersey#3700); the resources work
            "org.glassfish.jersey.internal.inject.Providers", Level.ERROR,
            // Grizzly announces every graceful stop at WARN; the server logs its own stop at INFO
            "org.glassfish.grizzly.nio.GracefulShutdownRunner", Level.ERROR,
            "org.hibernate.validator", Level.WARN);

    private ServerLogging() {
    }

    /**
     * Replaces logback's default set-up with the server's, unless another SLF4J backend is bound.
     *
     * @param settings a system property's or environment variable's value by name, or null
     */
    static void configure(UnaryOperator<String> settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setEncoder(encoder);
        console.start();

        // The access log, one line per request, is written by a background thread so that
        // requests do not wait for the console; it keeps every line (a full queue makes requests
        // wait rather than drop lines) and is flushed when the server stops.
        AsyncAppender access = new AsyncAppender();
        access.setContext(context);
        access.setName("ACCESS");
        access.setQueueSize(8192);
        access.setDiscardingThreshold(0);
        access.addAppender(console);
        access.start();
        Logger accessLogger = context.getLogger("access");
        accessLogger.setLevel(Level.toLevel(settings.apply(ACCESS_LEVEL), Level.INFO));
        accessLogger.setAdditive(false);
        accessLogger.addAppender(access);

        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }
}
