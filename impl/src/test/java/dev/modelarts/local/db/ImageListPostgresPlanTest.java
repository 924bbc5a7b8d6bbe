package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.builtIn;
import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageSort;
import dev.modelarts.local.model.NewImage;
import dev.modelarts.local.testing.TestDatabase;

/**
 * ListImage's page statement as PostgreSQL caches it: once prepared on a connection, it runs on
 * a generic plan, not planned again on every execution. With each scope's LIMIT bound as a
 * parameter, PostgreSQL costed the generic plan as if a tenth of the scope came back, ten times
 * a custom plan's cost, so it planned every execution anew (BENCHMARKS.md: ListImage over
 * PostgreSQL rose by half without that). The statement ImageListReads runs, captured with its values,
 * is run again on a connection of its own, which then reads its session's
 * {@code pg_prepared_statements}.
 */
@Tag(TestDatabase.BOTH)
class ImageListPostgresPlanTest {

    private static final String P = "project-a";
    private static final String WS = "0";

    @TempDir
    Path dir;

    private DatabaseSettings settings;
    private Database database;
    private DataLayer data;
    private final List<Long> plans = new ArrayList<>();

    @BeforeEach
    void open() {
        assumeTrue(TestDatabase.isPostgres(), "PostgreSQL's plan cache: the PostgreSQL run only");
        settings = TestDatabase.fresh(dir);
        database = Database.open(settings);
        data = DataLayer.over(database);
        List<NewImage> images = new ArrayList<>();
        // scopes of like sizes, the built-in one too, as a real catalog has them: PostgreSQL's
        // generic plan is costed for a scope of average size
        for (int i = 0; i < 4_000; i++) {
            int scope = i % 4;
            String name = "model-" + i % 40;
            images.add(new NewImage(scope == 0 ? builtIn("atelier", name, "v" + i, 1_000L + i)
                    : dedicated("project-" + (char) ('a' + scope - 1), WS, "team", name, "v" + i, 1_000L + i),
                    GroupDetails.NONE));
        }
        data.images().insertMissing(images);
        database.jdbi().useHandle(h -> h.execute("analyze"));
    }

    @AfterEach
    void close() {
        if (data != null) {
            data.close();
            database.close();
        }
    }

    @Test
    void thePageStatementRunsOnAGenericPlan() {
        database.jdbi().setSqlLogger(new RunPageAgain());
        ImageFilter filter = new ImageFilter(GroupFilter.visibleTo(P, WS), null, null, null);
        assertThat(data.images().list(filter, ImageSort.DEFAULT, 10, 0).items()).hasSize(10);
        assertThat(plans).as("the page query was run and run again").hasSize(2);
        assertThat(plans.get(0)).as("generic plans (custom plans: %d)", plans.get(1)).isPositive();
    }

    /**
     * Runs the page query again, with its values, twelve times on a connection of its own, and
     * keeps how many generic and custom plans that connection's cached statement has had.
     */
    private final class RunPageAgain implements SqlLogger {
        @Override
        public void logBeforeExecution(StatementContext ctx) {
            String sql = ctx.getParsedSql().getSql();
            if (!sql.contains(" from images where id in (")) {
                return;
            }
            try (Connection own = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                    PreparedStatement page = own.prepareStatement(sql)) {
                CapturedValues.bind(ctx, page);
                for (int run = 0; run < 12; run++) {
                    try (ResultSet rows = page.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                    }
                }
                try (PreparedStatement cached = own.prepareStatement("select generic_plans, custom_plans"
                        + " from pg_prepared_statements where statement like '%from images where id in (%'");
                        ResultSet counts = cached.executeQuery()) {
                    assertThat(counts.next()).as("the statement is prepared on the server").isTrue();
                    plans.add(counts.getLong(1));
                    plans.add(counts.getLong(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
