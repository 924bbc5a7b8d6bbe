package dev.modelarts.local.config;

import dev.modelarts.local.config.ServerCommandLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code --help} and docs/operating.md name the same environment variables and flags. */
class HelpTest {

    private static final Pattern VARIABLE = Pattern.compile("MODELARTS_[A-Z_]+[A-Z]");
    /** A row of docs/operating.md's configuration table: {@code | `--flag` | VARIABLE | ...}. */
    private static final Pattern FLAG_ROW = Pattern.compile("\\| `(--[a-z-]+)` \\|");

    private static Set<String> withStandard(Set<String> flags) {
        Set<String> all = new TreeSet<>(flags);
        all.addAll(Set.of("--help", "--version"));
        return all;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(m.groupCount()));
        }
        return found;
    }

    @Test
    void helpListsEveryVariableAndFlagTheOperatorsPageDocuments() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "operating.md"));
        String help = ServerCommandLine.commandLine().getUsageMessage();
        assertThat(all(VARIABLE, help)).containsAll(all(VARIABLE, readme));
        Set<String> tableFlags = all(FLAG_ROW, readme);
        assertThat(tableFlags).as("docs/operating.md's configuration table").contains("--port", "--log-format");
        assertThat(help).contains(tableFlags);
        assertThat(all(Pattern.compile("(--[a-z][a-z-]+)"), help)).as("and the table lists every flag of --help")
                .isSubsetOf(withStandard(tableFlags));
    }

    @Test
    void theWordsThatAskForHelpOrTheVersionAreThosePicocliAnswers() {
        for (String word : new String[] {"--help", "-h", "--version", "-V"}) {
            assertThat(ServerCommandLine.asksForHelpOrVersion("--port", "0", word)).as(word).isTrue();
            picocli.CommandLine line = ServerCommandLine.commandLine();
            line.parseArgs("--port", "0", word);
            assertThat(line.isUsageHelpRequested() || line.isVersionHelpRequested()).as(word).isTrue();
        }
        assertThat(ServerCommandLine.asksForHelpOrVersion("--port", "0", "--credentials", "c.yaml")).isFalse();
        assertThat(ServerCommandLine.asksForHelpOrVersion()).isFalse();
    }
}
