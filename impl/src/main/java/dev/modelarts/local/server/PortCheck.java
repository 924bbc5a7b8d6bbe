package dev.modelarts.local.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The start's first check: the port is free, said in the operator's words when it is not. */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * Fails with the cause and the fix when the port is taken, before the database is opened
     * (a second server would otherwise open, migrate and then give up). Binding and closing
     * leaves a short window; Grizzly's own bind still fails cleanly if someone takes it.
     */
    static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            if (e.getMessage() == null || !e.getMessage().contains("in use")) {
                // "Cannot assign requested address": the host is not one of this machine's
                throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": "
                        + e.getMessage() + "; check --host or MODELARTS_HOST", e);
            }
            throw new UncheckedIOException("port " + port + " on " + host
                    + " is already in use (another server?); stop it or choose another port with --port"
                    + " or MODELARTS_PORT (0 picks a free one)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + "; check --host or MODELARTS_HOST", e);
        }
    }
}
