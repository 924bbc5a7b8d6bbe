package dev.modelarts.local.testkit.testcontainers;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/** Whether a container runtime answers; the tests skip, saying why, where none does. */
final class ContainerRuntime {

    private ContainerRuntime() {
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no container runtime: these tests need podman (the build serves its Docker-compatible API"
                        + " on target/podman.sock) or Docker, with DOCKER_HOST naming it");
    }
}
