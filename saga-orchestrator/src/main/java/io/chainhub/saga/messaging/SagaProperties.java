package io.chainhub.saga.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chainhub.saga.*}: timings of the orchestrator. Defaults are production values.
 *
 * @param confirmationTimeout  how long SIGNING/CONFIRMING waits before re-sending the chain command
 * @param confirmations        block depth the gateway waits for before reporting CONFIRMED
 * @param timerPollInterval    how often due timers are looked for
 * @param outboxPollInterval   longest delay of the outbox relay when nothing wakes it
 * @param outboxBatchSize      messages per Kafka transaction of the relay
 */
@ConfigurationProperties("chainhub.saga")
public record SagaProperties(
        Duration confirmationTimeout,
        Integer confirmations,
        Duration timerPollInterval,
        Duration outboxPollInterval,
        Integer outboxBatchSize) {

    public SagaProperties {
        confirmationTimeout = confirmationTimeout == null ? Duration.ofMinutes(10) : confirmationTimeout;
        confirmations = confirmations == null ? 2 : confirmations;
        timerPollInterval = timerPollInterval == null ? Duration.ofMillis(500) : timerPollInterval;
        outboxPollInterval = outboxPollInterval == null ? Duration.ofMillis(500) : outboxPollInterval;
        outboxBatchSize = outboxBatchSize == null ? 2000 : outboxBatchSize;
    }
}
