package org.lianxin.intake;

import org.lianxin.cases.SqlIdentifiers;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal-database poller's settings (lianxin.channels.portal.sql.*). The table goes into the SQL text through a
 * property placeholder, so it is checked as {@link SqlIdentifiers} says.
 */
@ConfigurationProperties("lianxin.channels.portal.sql")
public record PortalSqlSettings(boolean enabled, String url, String username, String password, String table,
        long pollIntervalMs, int batchSize) {

    public PortalSqlSettings {
        if (enabled) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("lianxin.channels.portal.sql.url is required when the poller is enabled");
            }
            SqlIdentifiers.requireTableName("lianxin.channels.portal.sql.table", table);
            if (pollIntervalMs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("lianxin.channels.portal.sql.poll-interval-ms and batch-size must be positive");
            }
        }
    }
}
