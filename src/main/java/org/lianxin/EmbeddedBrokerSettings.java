package org.lianxin;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redelivery on the embedded broker: a message whose consumer failed (the database away for a moment) comes back
 * after a growing delay instead of at once, and only after lianxin.broker.max-delivery-attempts goes to the
 * dead-letter queue DLQ. An external broker needs the same address settings for lianxin.# in its broker.xml.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerSettings {

    @Bean
    ArtemisConfigurationCustomizer lianxinRedelivery(
            @Value("${lianxin.broker.redelivery-delay-ms}") long delay,
            @Value("${lianxin.broker.max-redelivery-delay-ms}") long maxDelay,
            @Value("${lianxin.broker.max-delivery-attempts}") int attempts) {
        return configuration -> configuration.addAddressSetting("lianxin.#", new AddressSettings()
                .setRedeliveryDelay(delay)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(maxDelay)
                .setMaxDeliveryAttempts(attempts)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setAutoCreateDeadLetterResources(true));
    }
}
