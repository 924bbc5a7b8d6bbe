package dev.modelarts.local.server;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.config.ServerCommandLine;
import dev.modelarts.local.config.ServerSettings;
import dev.modelarts.local.config.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The standalone server: {@code java -jar modelarts-image-server.jar [options]}. */
public final class ModelArtsServer {

    static {
        // Set up here, before the first logger, rather than shipped as a root logback.xml: a root
        // file would configure the logging of every application that puts this jar on its
        // classpath, such as the tests of the JUnit extension's users. An operator's file, named
        // with -Dlogback.configurationFile, is logback's to read instead.
        if (System.getProperty("logback.configurationFile") == null) {
            ServerLogging.configure(name -> System.getProperty(name, System.getenv(name)));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModelArtsServer.class);
    /**
     * How long a stop signal during the start waits for it to end: a start waiting on an
     * unreachable PostgreSQL is not held up for longer than a stop would take.
     */
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    private ModelArtsServer() {
    }

    public static void main(String[] args) {
        // the spec and the metrics on a second core while picocli parses the command line; not
        // for --help or --version, which print and end
        StartAhead ahead = ServerCommandLine.asksForHelpOrVersion(args) ? null : StartAhead.begin();
        CommandLine cli = ServerCommandLine.commandLine();
        ServerSettings config;
        try {
            ParseResult parsed = cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return;
            }
            if (cli.isVersionHelpRequested()) {
                cli.printVersionHelp(System.out);
                return;
            }
            config = ServerCommandLine.settings(cli, parsed);
        } catch (ParameterException e) {
            // the reason, a suggestion, and where the rest is: not the whole usage
            System.err.println(UsageErrors.describe(e, args));
            if (e instanceof UnmatchedArgumentException unmatched) {
                UsageErrors.meant(unmatched).ifPresent(option -> System.err.println("Did you mean " + option + "?"));
            }
            System.err.println("See modelarts-image-server --help for every option and its environment variable.");
            System.exit(2);
            return;
        }

        if (config.logFormat() == ServerSettings.LogFormat.json) {
            LogFormat.useJson();
        }
        // the hook first: a signal may come as soon as the port is open, before the start has ended
        StopOnSignal<RunningServer> onSignal = new StopOnSignal<>(server -> {
            server.close();
            // counted after the close: the answer the client read just before the signal is in
            ClassArchive.writeIfServed(server.requestsServed());
        }, () -> {
            // the access log is written in the background: flush it before the JVM ends
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                logback.stop();
            }
        }, START_WAIT);
        Runtime.getRuntime().addShutdownHook(onSignal.hook());
        try {
            onSignal.started(RunningServer.start(config, List.of(), ahead != null ? ahead : StartAhead.begin()));
        } catch (Credentials.InvalidCredentialsFile | SeedFile.InvalidSeedFile | ControlFiles.InvalidFile
                | UncheckedIOException | StartupFailure e) {
            // the operator's to fix: the message says what and where
            LOG.error("Cannot start: {}", e.getMessage());
            onSignal.startFailed();
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            LOG.error("Cannot start: {}", e.getMessage(), e);
            onSignal.startFailed();
            System.exit(1);
            return;
        }
        try {
            onSignal.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
