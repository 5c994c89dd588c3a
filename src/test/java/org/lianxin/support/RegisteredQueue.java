package org.lianxin.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * What reached lianxin.cases.registered for a case. Waits until the case's outbox row is gone (so the relay has
 * sent it and committed), then browses the broker's copy of that queue ({@link RegisteredCopy}: triage consumes
 * the queue itself): the count is exact, with no waiting for "nothing more".
 */
@Component
public class RegisteredQueue {

    private final JmsTemplate jms;
    private final JdbcTemplate db;

    public RegisteredQueue(JmsTemplate jms, JdbcTemplate db) {
        this.jms = jms;
        this.db = db;
    }

    public void awaitRelayed(String caseNo) {
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject(
                "select count(*) from case_outbox where case_no = ?", Long.class, caseNo) == 0);
    }

    /** The messages on the queue for the case, after the relay is done with it. */
    public List<TextMessage> messagesFor(String caseNo) {
        awaitRelayed(caseNo);
        return browse(caseNo);
    }

    public List<TextMessage> browse(String caseNo) {
        return browse(RegisteredCopy.QUEUE, caseNo);
    }

    /** The messages for the case on any queue nobody consumes (lianxin.cases.hot, say), as they are now. */
    public List<TextMessage> browse(String queue, String caseNo) {
        return jms.browseSelected(queue, "caseNo = '" + caseNo + "'", (session, browser) -> {
            List<TextMessage> messages = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                messages.add((TextMessage) m);
            }
            return messages;
        });
    }

    /** The texts of the messages for a case on another queue (slips), once the case's outbox rows are relayed. */
    public List<String> messagesOn(String otherQueue, String caseNo) {
        awaitRelayed(caseNo);
        return jms.browseSelected(otherQueue, "caseNo = '" + caseNo + "'", (session, browser) -> {
            List<String> texts = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                texts.add(((TextMessage) m).getText());
            }
            return texts;
        });
    }

    public static String text(TextMessage message) {
        try {
            return message.getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
