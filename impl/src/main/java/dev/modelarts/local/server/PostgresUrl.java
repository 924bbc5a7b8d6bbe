package dev.modelarts.local.server;

import java.util.Properties;

import org.postgresql.Driver;

/** The host, port and database of a PostgreSQL JDBC URL, as the driver itself reads them. */
record PostgresUrl(String host, String port, String database) {

    static PostgresUrl parse(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            return new PostgresUrl("?", "?", "?");
        }
        return new PostgresUrl(parsed.getProperty("PGHOST", "localhost"), parsed.getProperty("PGPORT", "5432"),
                parsed.getProperty("PGDBNAME", ""));
    }

    /** host:port, as an operator writes it. */
    String address() {
        return host + ":" + port;
    }
}
