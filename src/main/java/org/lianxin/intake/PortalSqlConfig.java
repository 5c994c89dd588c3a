package org.lianxin.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The portal's own database, polled by routes/intake-portal-sql.yaml, exists only when the poller is enabled. It is
 * not a default candidate, so the hub's auto-configured DataSource, its transaction manager, Flyway and the hub's
 * sql: endpoints all keep using the hub database; the poller names this one explicitly (#bean:portalDataSource).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.channels.portal.sql.enabled", havingValue = "true")
class PortalSqlConfig {

    /** One connection polls; the second lets a poll start while the last one is still being returned. */
    private static final int POOL_SIZE = 2;

    @Bean(defaultCandidate = false, destroyMethod = "close")
    HikariDataSource portalDataSource(PortalSqlSettings settings) {
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
