package org.lianxin.support;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only broker set-up: triage consumes lianxin.cases.registered, so tests cannot count what arrived there by
 * browsing it. A non-exclusive divert gives the embedded broker's registered address a copy of every message that
 * is routed to it (duplicates dropped by _AMQ_DUPL_ID never reach it), on a queue only tests browse.
 */
@Configuration(proxyBeanMethods = false)
public class RegisteredCopy {

    public static final String QUEUE = "test.registered.copy";

    @Bean
    ArtemisConfigurationCustomizer registeredCopyDivert(@Value("${lianxin.queues.registered}") String registered) {
        return configuration -> {
            configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(QUEUE)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(QUEUE).setAddress(QUEUE)
                            .setRoutingType(RoutingType.ANYCAST)));
            configuration.addDivertConfiguration(new DivertConfiguration().setName("test-registered-copy")
                    .setAddress(registered).setForwardingAddress(QUEUE).setExclusive(false));
        };
    }
}
