package dev.modelarts.local.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import dev.modelarts.local.api.model.ServerVersion;
import dev.modelarts.local.db.Database;

/** What /version says: the jar's version, the commit it was built from (git.properties), the database. */
final class BuildInfo {

    private BuildInfo() {
    }

    static ServerVersion version(Database database) {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        Properties git = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // no commit to report: "unknown" below
        }
        return new ServerVersion(version == null ? "development build" : version,
                git.getProperty("git.commit.id.abbrev", "unknown"),
                ServerVersion.DatabaseEnum.fromValue(database.kind()));
    }
}
