package org.lianxin.intake;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal-database poller's settings (lianxin.channels.portal.sql.*). camel-sql cannot bind a table name as a
 * parameter, so the table goes into the SQL text through a property placeholder: it is configuration, never user
 * input, and it is checked here against a strict identifier pattern so that a start-up with anything else fails.
 */
@ConfigurationProperties("lianxin.channels.portal.sql")
public record PortalSqlSettings(boolean enabled, String url, String username, String password, String table,
        long pollIntervalMs, int batchSize) {

    /** A table name, optionally with its schema: letters, digits and underscores, not starting with a digit. */
    static final Pattern TABLE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    public PortalSqlSettings {
        if (enabled) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("lianxin.channels.portal.sql.url is required when the poller is enabled");
            }
            requireTableName(table);
            if (pollIntervalMs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("lianxin.channels.portal.sql.poll-interval-ms and batch-size must be positive");
            }
        }
    }

    static String requireTableName(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("lianxin.channels.portal.sql.table '" + table
                    + "' is not a table name: letters, digits and underscores, optionally schema.table");
        }
        return table;
    }
}
