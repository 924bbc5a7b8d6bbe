package dev.modelarts.local.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.config.ServerSettings;

/** The credentials a server starts with, and what it says about them at start. */
final class StartCredentials {

    /** The start's lines stay under the start's logger, where operators (and tests) look for them. */
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private StartCredentials() {
    }

    /** The operator's credentials file, or the development credential (said loudly). */
    static Credentials choose(ServerSettings config, IamActions actions) {
        if (config.credentials().isPresent()) {
            Credentials credentials = Credentials.read(config.credentials().get(), actions.actions());
            LOG.info("Credentials: {}", config.credentials().get());
            return credentials;
        }
        LOG.info("No --credentials file: accepting only the development credential for project {}"
                + " (X-Auth-Token {}, or AK {} with its documented SK).",
                Credentials.DEV_PROJECT, Credentials.DEV_TOKEN, Credentials.DEV_AK);
        if (!isLoopback(config.host())) {
            LOG.warn("*** Listening on {} with the publicly known development credential: anyone who can"
                    + " reach this address can use the API. Give --credentials, or listen on 127.0.0.1. ***",
                    config.host());
        }
        return Credentials.development();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
