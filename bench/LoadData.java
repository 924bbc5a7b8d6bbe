import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.Database;

/**
 * Fills an H2 data directory (or, given a JDBC URL, a PostgreSQL database) with N generated image versions, about ten per group, spread over
 * five projects, three workspaces each and twenty namespaces, plus the built-in catalog; the
 * group rows carry exact aggregates. Run with the server jar on the class path:
 * {@code java -cp impl/target/modelarts-image-server.jar bench/LoadData.java DIR|JDBC_URL N [USER PASSWORD]}.
 */
public class LoadData {

    static final int VERSIONS_PER_GROUP = 10;

    static final String[] WORKSPACES = {"0", "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"};

    public static void main(String[] args) throws Exception {
        // the server's logging configuration (the launcher names it the same way)
        System.setProperty("logback.configurationFile", "dev/modelarts/local/server/logback.xml");
        int n = Integer.parseInt(args[1]);
        DatabaseSettings settings = args[0].startsWith("jdbc:")
                ? new DatabaseSettings(args[0], args.length > 2 ? args[2] : "", args.length > 3 ? args[3] : "")
                : DatabaseSettings.embeddedH2(Path.of(args[0]), "sa", "");
        long started = System.nanoTime();
        try (Database database = Database.open(settings);
                DataLayer data = DataLayer.over(database)) {
            BuiltInCatalog.load().installInto(data.images());
            database.jdbi().useHandle(h -> {
                // the secondary indexes are built once after the load rather than row by row
                // during it, as the migrations define them (read back from the database)
                java.util.Map<String, String> indexes = secondaryIndexes(h.getConnection());
                for (String index : indexes.keySet()) {
                    h.execute("drop index " + index);
                }
                load(h.getConnection(), n);
                indexes.forEach((index, definition) -> h.execute("create index " + index + " on " + definition));
                System.out.println("secondary indexes rebuilt after the load: " + indexes);
            });
        }
        System.out.printf("loaded %d versions in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The images table's secondary indexes, by name, as {@code images (col, col desc, ...)}: from
     * the database's own catalog (JDBC metadata), so that they are the migrations' and nothing
     * here repeats them.
     */
    static java.util.Map<String, String> secondaryIndexes(java.sql.Connection connection) throws java.sql.SQLException {
        java.util.Map<String, java.util.TreeMap<Short, String>> columns = new java.util.LinkedHashMap<>();
        try (java.sql.ResultSet rs = connection.getMetaData().getIndexInfo(null, null, "images", false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null || !rs.getBoolean("NON_UNIQUE")
                        || !name.toLowerCase(java.util.Locale.ROOT).startsWith("ix_")) {
                    continue; // the primary key and unique constraints stay
                }
                String direction = "D".equals(rs.getString("ASC_OR_DESC")) ? " desc" : "";
                columns.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new java.util.TreeMap<>())
                        .put(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(java.util.Locale.ROOT) + direction);
            }
        }
        java.util.Map<String, String> definitions = new java.util.LinkedHashMap<>();
        columns.forEach((name, ordered) -> definitions.put(name, "images (" + String.join(", ", ordered.values()) + ")"));
        if (definitions.isEmpty()) {
            throw new IllegalStateException("no secondary index on images: the schema is not the migrations'");
        }
        return definitions;
    }

    /**
     * Ids in ascending order (UUID version 7 layout: a counter where the time would be, then
     * random bits), so that each insert appends to the primary key's B-tree instead of landing
     * on a random page of it. The server's own ids are random version 4 UUIDs; ids are opaque to
     * every query, so only the load gets faster.
     */
    static final class OrderedIds {
        private final java.util.Random random = new java.util.Random(7);
        private long counter = System.currentTimeMillis() << 6; // below 2^48: the shift below keeps it whole

        String next() {
            long msb = ((counter++) << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb).toString();
        }
    }

    static void load(Connection c, int n) throws Exception {
        OrderedIds ids = new OrderedIds();
        c.setAutoCommit(false);
        int groups = Math.max(1, n / VERSIONS_PER_GROUP);
        long base = 1_700_000_000_000L;
        try (PreparedStatement group = c.prepareStatement("insert into image_groups (id, scope, type, project_id,"
                + " workspace_id, namespace, name, version_count, create_at, update_at)"
                + " values (?, ?, 'DEDICATED', ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement image = c.prepareStatement("insert into images (id, group_id, scope, type, project_id,"
                + " workspace_id, namespace, name, tag, swr_path, arch, origin, service_type, status, visibility,"
                + " resource_categories, support_res_categories, dev_services, create_at, update_at)"
                + " values (?, ?, ?, 'DEDICATED', ?, ?, ?, ?, ?, ?, 'X86_64', 'CUSTOMIZE', 'UNKNOWN', 'ACTIVE',"
                + " 'PRIVATE', 'CPU,GPU', 'CPU,GPU', 'NOTEBOOK,SSH', ?, ?)")) {
            for (int g = 0; g < groups; g++) {
                String project = "bench-project-" + (g % 5);
                String workspace = WORKSPACES[(g / 5) % 3];
                String scope = project + "/" + workspace;
                String namespace = "ns" + (g % 20);
                String name = "model-" + g;
                String groupId = ids.next();
                int versions = g == groups - 1 ? n - g * VERSIONS_PER_GROUP : VERSIONS_PER_GROUP;
                long created = base + g * 1_000L;
                long updated = created + (versions - 1) * 60_000L;
                group.setString(1, groupId);
                group.setString(2, scope);
                group.setString(3, project);
                group.setString(4, workspace);
                group.setString(5, namespace);
                group.setString(6, name);
                group.setInt(7, versions);
                group.setLong(8, created);
                group.setLong(9, updated);
                group.addBatch();
                for (int v = 0; v < versions; v++) {
                    long at = created + v * 60_000L;
                    String tag = "v" + v;
                    image.setString(1, ids.next());
                    image.setString(2, groupId);
                    image.setString(3, scope);
                    image.setString(4, project);
                    image.setString(5, workspace);
                    image.setString(6, namespace);
                    image.setString(7, name);
                    image.setString(8, tag);
                    image.setString(9, "swr.cn-north-4.myhuaweicloud.com/" + namespace + "/" + name + ":" + tag);
                    image.setLong(10, at);
                    image.setLong(11, at);
                    image.addBatch();
                }
                if (g % 5000 == 4999) {
                    group.executeBatch();
                    image.executeBatch();
                    c.commit();
                }
            }
            group.executeBatch();
            image.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
