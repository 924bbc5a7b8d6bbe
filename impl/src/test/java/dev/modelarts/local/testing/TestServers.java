package dev.modelarts.local.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Several {@link TestServer}s started at the same moment (several instances over one database). */
public final class TestServers implements BeforeAllCallback, AfterAllCallback {

    private final List<TestServer> servers;

    private TestServers(List<TestServer> servers) {
        this.servers = servers;
    }

    public static TestServers startedTogether(TestServer... servers) {
        return new TestServers(List.of(servers));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        CompletableFuture.allOf(servers.stream().map(s -> CompletableFuture.runAsync(s::start))
                .toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        servers.forEach(TestServer::close);
    }
}
