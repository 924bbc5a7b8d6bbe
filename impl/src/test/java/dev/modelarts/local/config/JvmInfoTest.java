package dev.modelarts.local.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What --version and the start line say of the JVM's class cache. */
class JvmInfoTest {

    private static final String VM = "OpenJDK 64-Bit Server VM 17.0.15+6";

    @Test
    void anArchiveNamedAndMapped() {
        assertThat(JvmInfo.of(VM, "mixed mode, sharing", List.of("-Xmx128m", "-XX:SharedArchiveFile=/opt/app/classes.jsa")))
                .hasToString(VM + ", class-data archive /opt/app/classes.jsa (mapped)");
    }

    @Test
    void anArchiveNamedButNotMapped() {
        assertThat(JvmInfo.of(VM, "mixed mode", List.of("-XX:SharedArchiveFile=/gone.jsa")).toString())
                .endsWith("class-data archive /gone.jsa (not used: the JVM could not map it)");
    }

    @Test
    void anAotCacheWinsOverAnArchiveInTheName() {
        assertThat(JvmInfo.of(VM, "mixed mode, sharing", List.of("-XX:AOTCache=app.aot")).cache()).isEqualTo("AOT cache app.aot");
    }

    @Test
    void theJdksDefaultOrNone() {
        assertThat(JvmInfo.of(VM, "mixed mode, sharing", List.of()).toString()).endsWith("the JDK's default class-data archive");
        assertThat(JvmInfo.of(VM, "mixed mode", List.of()).toString()).endsWith("no class-data archive");
    }
}
