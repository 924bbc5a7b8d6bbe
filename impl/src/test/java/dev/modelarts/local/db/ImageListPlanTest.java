package dev.modelarts.local.db;

import static dev.modelarts.local.testing.TestImages.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.model.GroupDetails;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.ImageFilter;
import dev.modelarts.local.model.ImageSort;

/**
 * ListImage's page query as H2 plans it: each visible scope's rows read as one range of the index
 * in the asked order, never sorted; a name's few versions read by their groups. Planned on the (scope, status) index and sorted instead, the
 * query read every row of the scope, a stall at a million versions (BENCHMARKS.md). The plan is
 * H2's own EXPLAIN of the statement ImageListReads runs, with its bound values, after an ANALYZE.
 */
class ImageListPlanTest {

    private static final String P = "project-a";
    private static final String WS = "0";

    @TempDir
    Path dir;

    private Database database;
    private DataLayer data;
    private final List<String> plans = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embeddedH2(dir, "sa", ""));
        data = DataLayer.over(database);
        for (int i = 0; i < 400; i++) {
            var image = dedicated(P, WS, "team", "model-" + i % 8, "v" + i, 1_000L + i);
            data.images().insert(i % 50 == 0 ? image.toBuilder().status(ImageStatus.CREATING).build() : image,
                    GroupDetails.NONE);
        }
        database.jdbi().useHandle(h -> h.execute("analyze"));
        database.jdbi().setSqlLogger(new ExplainPages());
    }

    @AfterEach
    void close() {
        data.close();
        database.close();
    }

    @Test
    void theDefaultOrderIsOneRangeOfTheUpdateIndexPerScope() {
        list(new ImageFilter(GroupFilter.visibleTo(P, WS), null, null, null), ImageSort.DEFAULT);
        assertEachScopeReadInOrder("ix_images_scope_update");
    }

    @Test
    void aStatusFilterIsOneRangeOfTheStatusIndexPerScope() {
        list(new ImageFilter(GroupFilter.visibleTo(P, WS), null, null, null, ImageStatus.ACTIVE), ImageSort.DEFAULT);
        assertEachScopeReadInOrder("ix_images_scope_status_update");
    }

    @Test
    void theCreationOrderIsOneRangeOfTheCreateIndexPerScope() {
        list(new ImageFilter(GroupFilter.visibleTo(P, WS), null, null, null), ImageSort.parse("create_at", false));
        assertEachScopeReadInOrder("ix_images_scope_create");
    }

    /** A name is no column of the scopes' indexes: its few versions are read group by group instead. */
    @Test
    void aNameWithFewVersionsIsReadByTheGroupIndex() {
        GroupFilter named = GroupFilter.visibleTo(P, WS).withName("model-3", false);
        list(new ImageFilter(named, null, null, null), ImageSort.DEFAULT);
        assertThat(plans).as("the page query was run and explained").hasSize(1);
        // the (group_id, tag) index, whose first column is group_id
        assertThat(plans.get(0)).as(plans.get(0)).containsPattern("/\\* public\\.\\w+: group_id = ")
                .doesNotContain("ix_images_scope");
    }

    /**
     * Every index of images serves a read: each one is paid by every registration (an entry, and a
     * leaf rewritten at the commit). The foreign key on group_id once brought one of its own
     * beside (group_id, tag), used by no query (V9 dropped it).
     */
    @Test
    void imagesHaveNoIndexBeyondThoseTheReadsUse() {
        List<String> indexes = database.jdbi().withHandle(h -> h.createQuery(
                "select index_name from information_schema.indexes where table_name = 'images'")
                .mapTo(String.class).list());
        assertThat(indexes).as("the primary key, (group_id, tag) and ListImage's three orders")
                .hasSize(5)
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("primary_key"))
                .anyMatch(name -> name.startsWith("uq_images_group_tag"))
                .contains("ix_images_scope_update", "ix_images_scope_create", "ix_images_scope_status_update");
    }

    private void list(ImageFilter filter, ImageSort sort) {
        assertThat(data.images().list(filter, sort, 10, 0).items()).hasSize(10);
    }

    /** Both visible scopes (built-in and the project's) on {@code index}, each already in order. */
    private void assertEachScopeReadInOrder(String index) {
        assertThat(plans).as("the page query was run and explained").hasSize(1);
        String plan = plans.get(0);
        // H2 prints each scope's branch twice (as the IN list's lookup and in the WHERE clause)
        List<String> indexes = Pattern.compile("public\\.(ix_images_\\w+):").matcher(plan).results()
                .map(m -> m.group(1)).toList();
        assertThat(indexes).as(plan).hasSizeGreaterThanOrEqualTo(2).containsOnly(index);
        assertThat(Pattern.compile("/\\* index sorted \\*/").matcher(plan).results().count())
                .as("every branch read in order: " + plan).isEqualTo(indexes.size());
        assertThat(plan).as(plan).doesNotContain("index sorted:");
    }

    /** EXPLAINs the page query (each scope's rows in order, or the groups' rows) on its connection, with its values. */
    private final class ExplainPages implements SqlLogger {
        @Override
        public void logBeforeExecution(StatementContext ctx) {
            String sql = ctx.getParsedSql().getSql();
            if (!sql.contains(" from images where scope = ") && !sql.contains(" from images where group_id in (")) {
                return;
            }
            try (PreparedStatement explain = ctx.getConnection().prepareStatement("explain " + sql)) {
                CapturedValues.bind(ctx, explain);
                try (ResultSet plan = explain.executeQuery()) {
                    plan.next();
                    plans.add(plan.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
