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
        JdbcMessageIdRepository ids = new JdbcMessageIdRepository(dataSource, "department-mail");
        ids.setCreateTableIfNotExists(false);
        return ids;
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcMessageIdRepository departmentSmsIds(DataSource dataSource) {
        JdbcMessageIdRepository ids = new JdbcMessageIdRepository(dataSource, "department-sms");
        ids.setCreateTableIfNotExists(false);
        return ids;
    }
}
