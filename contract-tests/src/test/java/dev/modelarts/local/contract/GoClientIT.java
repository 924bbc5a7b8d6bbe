package dev.modelarts.local.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.testing.Executables;
import dev.modelarts.local.testing.PackagedJar;
import dev.modelarts.local.testing.ServerProcess;

/**
 * The Go client generated from the spec (target/go-client, standard library only) against the
 * packaged server: go/check lists groups with filters, registers, shows, deletes, and reads a
 * 400 as the ModelArts body. It builds with no module download (GOPROXY=off); Debian's
 * golang-go is enough.
 */
class GoClientIT {

    @Test
    void theGeneratedGoClientRegistersListsShowsDeletesAndReadsErrors() throws Exception {
        assumeTrue(Executables.onPath("go"), "go is not installed (apt-get install golang-go): the Go client is not checked");
        Path target = Path.of("target").toAbsolutePath();
        try (ServerProcess server = ServerProcess.start(PackagedJar.command("--in-memory", "--port", "0"))) {
            ProcessBuilder check = new ProcessBuilder("go", "run", "./check", "-base", server.base().toString(),
                    "-token", "dev-token", "-project", "dev-project")
                    .directory(Path.of("go").toFile())
                    .redirectErrorStream(true);
            check.environment().put("GOPROXY", "off");
            check.environment().put("GOFLAGS", "-mod=mod");
            check.environment().put("GOTOOLCHAIN", "local");
            check.environment().put("GOCACHE", target.resolve("go-cache").toString());
            check.environment().put("GOPATH", target.resolve("go-path").toString());
            Process process = check.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            Files.writeString(target.resolve("go-client-check.txt"), printed);
            assertThat(process.exitValue()).as(printed).isZero();
            assertThat(printed).contains("ListImageGroup:", "RegisterImage:", "ShowImage:", "DeleteImage: DELETED",
                    "an error as ModelArts answers it: 400 ModelArts.6404");
        }
    }
}
