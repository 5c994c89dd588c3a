package org.lianxin.reply;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stores of messages already taken, shared by every node: mails from the hub's mailbox by Message-ID, SMS by the
 * gateway's message id.
 */
@Configuration(proxyBeanMethods = false)
public class ReplyConfig {

    @Bean
    @DependsOnDatabaseInitialization
    JdbcMessageIdRepository departmentMailIds(DataSource dataSource) {
        return ids(dataSource, "department-mail");
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcMessageIdRepository departmentSmsIds(DataSource dataSource) {
        return ids(dataSource, "department-sms");
    }

    /** camel_messageprocessed comes with the schema (Flyway), not from the repository. */
    private static JdbcMessageIdRepository ids(DataSource dataSource, String processorName) {
        JdbcMessageIdRepository ids = new JdbcMessageIdRepository(dataSource, processorName);
        ids.setCreateTableIfNotExists(false);
        return ids;
    }
}
