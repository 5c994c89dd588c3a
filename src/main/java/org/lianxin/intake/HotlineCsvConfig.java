package org.lianxin.intake;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.lianxin.cases.CsvCharsets;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the hotline CSV folder poller shares with the other nodes through the database (table
 * camel_messageprocessed): the files already read, by content, and the read locks of the files being read. A lock
 * is kept alive while its node works on the file; a node that dies leaves a lock that expires after
 * lianxin.channels.hotline.csv.lock-max-age-ms, and another node then takes the file over.
 */
@Configuration(proxyBeanMethods = false)
public class HotlineCsvConfig {

    @Bean
    CsvCharsets hotlineCsvCharsets(@Value("${lianxin.channels.hotline.csv.charset}") String charset) {
        return CsvCharsets.of(charset);
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcMessageIdRepository hotlineCsvFiles(DataSource dataSource) {
        JdbcMessageIdRepository files = new JdbcMessageIdRepository(dataSource, "hotline-csv-files");
        files.setCreateTableIfNotExists(false);
        return files;
    }

    /** Started and stopped by the file endpoint that uses it. */
    @Bean
    @DependsOnDatabaseInitialization
    JdbcOrphanLockAwareIdempotentRepository hotlineCsvLocks(DataSource dataSource, CamelContext camel,
            @Value("${lianxin.channels.hotline.csv.lock-max-age-ms}") long lockMaxAgeMs) {
        JdbcOrphanLockAwareIdempotentRepository locks = new JdbcOrphanLockAwareIdempotentRepository(dataSource,
                "hotline-csv-locks", camel);
        locks.setCreateTableIfNotExists(false);
        locks.setLockMaxAgeMillis(lockMaxAgeMs);
        locks.setLockKeepAliveIntervalMillis(lockMaxAgeMs / 4);
        return locks;
    }
}
