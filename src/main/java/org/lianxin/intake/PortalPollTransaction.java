package org.lianxin.intake;

import javax.sql.DataSource;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * One portal-database transaction per poll of connectors/portal-sql-source.kamelet.yaml: the rows read with
 * FOR UPDATE SKIP LOCKED stay locked (so another hub node skips them) until their markers are committed together
 * at the end of the batch. Each row's case is committed in the hub's own transaction before its marker is written,
 * so a crash in between loses only markers, and the re-read rows answer duplicate with the same case number.
 */
public class PortalPollTransaction implements PollingConsumerPollStrategy {

    private final DataSourceTransactionManager transactions;
    private final ThreadLocal<TransactionStatus> current = new ThreadLocal<>();

    public PortalPollTransaction(DataSource portal) {
        transactions = new DataSourceTransactionManager(portal);
        // Bind only the portal connection to the polling thread; no synchronization, so the hub's transactions on
        // its own database start, commit and clean up exactly as they do for every other channel.
        transactions.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        current.set(transactions.getTransaction(TransactionDefinition.withDefaults()));
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        TransactionStatus status = current.get();
        current.remove();
        transactions.commit(status);
    }

    /** A failed poll (portal database down, a marker not written) rolls back its markers; the next poll retries. */
    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        TransactionStatus status = current.get();
        current.remove();
        if (status != null && !status.isCompleted()) {
            transactions.rollback(status);
        }
        return false;
    }
}
