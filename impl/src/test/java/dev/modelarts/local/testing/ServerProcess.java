package dev.modelarts.local.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started as its own process (the packaged jar, as a user starts it), with what it
 * prints kept and its address read from its "listening on" line.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+)/)");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<URI> base = new CompletableFuture<>();
    private final Thread reader;
    private final long startedNanos = System.nanoTime();

    private ServerProcess(ProcessBuilder builder) {
        try {
            this.process = builder.redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
        this.reader = new Thread(this::readOutput, "server-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code builder}'s command and waits until it listens (at most 60 s). */
    public static ServerProcess start(ProcessBuilder builder) {
        ServerProcess server = launch(builder);
        try {
            server.base.get(60, TimeUnit.SECONDS);
            return server;
        } catch (Exception e) {
            server.kill();
            throw new AssertionError("server did not start; it printed: " + server.output(), e);
        }
    }

    /** Starts {@code builder}'s command and returns at once: {@link #base()} waits for it. */
    public static ServerProcess launch(ProcessBuilder builder) {
        return new ServerProcess(builder);
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    base.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            base.completeExceptionally(e);
        }
        base.completeExceptionally(new IllegalStateException("server exited: " + output()));
    }

    public URI base() {
        return base.join();
    }

    public int port() {
        return base().getPort();
    }

    public Process process() {
        return process;
    }

    /** Milliseconds from the start of the process to now. */
    public long millisSinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL: no shutdown hook, no orderly close; returns when the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM and the exit status; all it printed has been read. */
    public int stop() {
        process.toHandle().destroy();
        return waitFor();
    }

    private int waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server did not stop within 30 s");
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
