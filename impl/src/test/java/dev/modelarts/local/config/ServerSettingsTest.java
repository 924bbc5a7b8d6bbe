package dev.modelarts.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import dev.modelarts.local.config.DatabaseSettings.SharedReads;
import dev.modelarts.local.config.ServerSettings.InvalidSetting;

/** The settings as values: checked once, by one builder, whether code or a command line made them. */
class ServerSettingsTest {

    @Test
    void theDefaultsAreTheEmbeddedH2FileOnTheLoopback() {
        ServerSettings settings = ServerSettings.builder().build();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.database().isH2()).isTrue();
        assertThat(settings.database().isInMemory()).isFalse();
        assertThat(settings.hasDatabaseUrl()).isFalse();
        assertThat(settings.control().controlApi()).isTrue();
        assertThat(settings.control()).isEqualTo(ControlSettings.DEFAULTS);
    }

    @Test
    void aValueThatCannotBeIsRefusedNamingItsOption() {
        assertThatThrownBy(() -> ServerSettings.builder().port(70000).build())
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.option()).isEqualTo("--port"))
                .hasMessage("70000 is not a port number (0 to 65535)");
        assertThatThrownBy(() -> ServerSettings.builder().clock("yesterday").build())
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.option()).isEqualTo("--clock"));
        assertThatThrownBy(() -> ServerSettings.builder().corsOrigins(List.of("ftp://x")).build())
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.option()).isEqualTo("--cors-origin"));
        assertThatThrownBy(() -> ServerSettings.builder().inMemory(true).fsync(true).build())
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.option()).isEqualTo("--fsync"));
        assertThatThrownBy(() -> ServerSettings.builder().inMemory(true).databaseUrl("jdbc:h2:file:/tmp/x").build())
                .hasMessage("--in-memory and --db-url exclude each other");
        assertThatThrownBy(() -> ServerSettings.builder().sharedReads(SharedReads.notified).build())
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.option()).isEqualTo("--shared-reads"))
                .hasMessageContaining("needs PostgreSQL");
        assertThatThrownBy(() -> ServerSettings.builder().databaseUrl("jdbc:h2:tcp://db/x")
                .sharedReads(SharedReads.notified).build())
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.option()).isEqualTo("--shared-reads"));
    }

    @Test
    void theUserIsSaForH2WhetherTheEmbeddedFileOrAnH2UrlAndNoneForPostgres() {
        assertThat(ServerSettings.builder().build().database().user()).isEqualTo("sa");
        assertThat(ServerSettings.builder().databaseUrl("jdbc:h2:file:/tmp/x").build().database().user())
                .isEqualTo("sa");
        assertThat(ServerSettings.builder().databaseUrl("jdbc:h2:file:/tmp/x").databaseUser("app").build()
                .database().user()).isEqualTo("app");
        assertThat(ServerSettings.builder().databaseUrl("jdbc:postgresql://db:5432/modelarts").build()
                .database().user()).isEmpty();
    }

    @Test
    void sharedReadsAreExactUnlessNotifiedIsAskedForOverPostgres() {
        String url = "jdbc:postgresql://db:5432/modelarts";
        assertThat(ServerSettings.builder().databaseUrl(url).build().database().sharedReads())
                .isEqualTo(SharedReads.exact);
        assertThat(ServerCommandLine.parse("--db-url", url, "--shared-reads", "notified").database().sharedReads())
                .isEqualTo(SharedReads.notified);
        assertThat(ServerSettings.builder().build().database().sharedReads()).isEqualTo(SharedReads.exact);
    }

    @Test
    void theCommandLineMakesTheSameValuesAndWordsARefusalAsPicocliDoes() {
        ServerSettings parsed = ServerCommandLine.parse("--port", "0", "--in-memory", "--clock", "2026-01-01T00:00:00Z",
                "--clock-fixed", "--deterministic", "7", "--cors-origin", "HTTP://Console.Example:80/", "--no-control-api");

        assertThat(parsed.port()).isZero();
        assertThat(parsed.inMemory()).isTrue();
        assertThat(parsed.control().clockStart()).contains(1_767_225_600_000L);
        assertThat(parsed.control().clockFixed()).isTrue();
        assertThat(parsed.control().deterministicSeed()).hasValue(7);
        assertThat(parsed.control().controlApi()).isFalse();
        assertThat(parsed.corsOrigins()).containsExactly("http://console.example");
        assertThatThrownBy(() -> ServerCommandLine.parse("--port", "70000"))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(((OptionSpec) e.getArgSpec()).longestName())
                        .isEqualTo("--port"))
                .hasMessage("Invalid value for option '--port': 70000 is not a port number (0 to 65535)");
    }

    @Test
    void optionsAppliedOverCodeSetOnlyWhatTheyName() {
        ServerSettings.Builder builder = ServerSettings.builder().port(0).dataDir(Path.of("mine")).inMemory(true);

        ServerSettings settings = ServerCommandLine.apply(builder, "--journal-all").build();

        assertThat(settings.control().journalAll()).isTrue();
        assertThat(settings.port()).as("not the option's default, 8080").isZero();
        assertThat(settings.dataDir()).isEqualTo(Path.of("mine"));
        assertThat(settings.inMemory()).isTrue();
    }
}
