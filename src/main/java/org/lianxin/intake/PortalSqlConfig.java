package org.lianxin.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The portal's own database, polled by routes/intake/portal-sql.yaml and written by the portal-sql-sink connector
 * (answers back to the portal), exists only when one of the two is configured. It is not a default candidate, so
 * the hub's auto-configured DataSource, its transaction manager, Flyway and the hub's sql: endpoints all keep using
 * the hub database; the poller and the sink name this one explicitly (#bean:portalDataSource).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${lianxin.channels.portal.sql.enabled:false} or '${lianxin.sync.portal.connector:none}' == 'portal-sql-sink'")
class PortalSqlConfig {

    /** One connection polls; the second lets a poll start while the last one is still being returned. */
    private static final int POOL_SIZE = 2;

    @Bean(defaultCandidate = false, destroyMethod = "close")
    HikariDataSource portalDataSource(PortalSqlSettings settings) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new IllegalArgumentException("lianxin.channels.portal.sql.url is required for the portal database");
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("portal");
        dataSource.setJdbcUrl(settings.url());
        dataSource.setUsername(settings.username());
        dataSource.setPassword(settings.password());
        dataSource.setMaximumPoolSize(POOL_SIZE);
        dataSource.setMinimumIdle(0);
        // The poller must keep working when the portal database is down at start-up: it retries every poll.
        dataSource.setInitializationFailTimeout(-1);
        return dataSource;
    }
}
