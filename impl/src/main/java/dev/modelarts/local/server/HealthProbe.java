package dev.modelarts.local.server;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container image's health check, which has no shell and no curl to run one with:
 * {@code java -cp @/app/jib-classpath-file dev.modelarts.local.server.HealthProbe} exits 0 when
 * this container's server answers {@code /health/ready} with 200 (the database reachable and
 * writable), 1 otherwise. The port is MODELARTS_PORT's, as the server's is.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("MODELARTS_PORT", "8080");
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health/ready")
                    .toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            int status = connection.getResponseCode();
            System.out.println("/health/ready: " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.out.println("/health/ready: no answer on port " + port + " (" + e.getMessage() + ")");
            System.exit(1);
        }
    }
}
