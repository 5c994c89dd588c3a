package org.lianxin.dispatch;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How often and how patiently a slip is sent again before it is parked (routes/errors/delivery.yaml, shared by the
 * email and SMS routes): exponential backoff from lianxin.delivery.*. A bean because the setting counts attempts
 * and Camel counts redeliveries, one fewer.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryRetries {

    @Bean
    RedeliveryPolicy deliveryRedeliveryPolicy(@Value("${lianxin.delivery.max-attempts}") int maxAttempts,
            @Value("${lianxin.delivery.initial-delay-ms}") long initialDelayMs,
            @Value("${lianxin.delivery.multiplier}") double multiplier,
            @Value("${lianxin.delivery.max-delay-ms}") long maxDelayMs) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(Math.max(0, maxAttempts - 1));
        policy.setRedeliveryDelay(initialDelayMs);
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(multiplier);
        policy.setMaximumRedeliveryDelay(maxDelayMs);
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogRetryStackTrace(false);
        policy.setLogStackTrace(false);
        return policy;
    }
}
