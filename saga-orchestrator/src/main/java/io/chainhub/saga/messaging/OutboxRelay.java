package io.chainhub.saga.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.saga.fault.StepBoundary;
import io.chainhub.saga.fault.StepFaults;
import io.chainhub.saga.worker.WorkerThread;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox in order, a batch per Kafka transaction; the batch is marked published in a
 * database transaction that commits after the Kafka one.
 * A crash after the Kafka commit and before the mark republishes the batch with the same ce_ids:
 * every consumer deduplicates on them (at-least-once publication + idempotent consumers). One
 * relay at a time per database (advisory lock), so order per key holds across instances.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5A6A_0001L;
    private static final String SOURCE = "/chainhub/saga-orchestrator";

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final SagaProperties properties;
    private final StepFaults faults;
    private final Semaphore wakeUp = new Semaphore(0);
    private final WorkerThread worker = new WorkerThread("outbox-relay");

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                SagaProperties properties, StepFaults faults) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
        this.faults = faults;
    }

    /** Publish as soon as the current transaction commits, rather than at the next poll (once per transaction). */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(wakeUp)) {
            TransactionSynchronizationManager.bindResource(wakeUp, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.release();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(wakeUp);
                }
            });
        }
    }

    private void run() {
        while (worker.isCurrent()) {
            try {
                wakeUp.tryAcquire(properties.outboxPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (publishBatch() == properties.outboxBatchSize()) {
                    // a full batch: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, retrying: {}", e.toString());
            }
        }
    }

    int publishBatch() {
        Integer published = transactions.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            // claimed and marked in one statement, in this DB transaction: it commits only after the Kafka
            // transaction did, so a failure before that leaves the rows unpublished (a crash after the Kafka
            // commit republishes them with the same ce_ids, as before)
            List<Pending> batch = new ArrayList<>(jdbc.sql("""
                    UPDATE outbox_message SET published_at = now()
                    WHERE id IN (SELECT id FROM outbox_message WHERE published_at IS NULL ORDER BY id LIMIT ?)
                    RETURNING id, message_id, topic, message_key, ce_type, ce_subject, payload, created_at""")
                    .param(properties.outboxBatchSize()).query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant())) // mapped by hand: the record mapper throws per row on Instant
                    .list());
            if (batch.isEmpty()) {
                return 0;
            }
            batch.sort(Comparator.comparingLong(Pending::id)); // RETURNING has no order
            kafka.executeInTransaction(operations -> {
                for (Pending message : batch) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.messageKey(),
                            message.payload());
                    CloudEventHeaders.write(record.headers(), new CloudEvent(message.messageId(), SOURCE,
                            message.ceType(), message.createdAt(), message.ceSubject()));
                    operations.send(record);
                    faults.reached(StepBoundary.OUTBOX_BEFORE_KAFKA_COMMIT, message.messageId());
                }
                return null;
            });
            // Kafka committed, the marks not yet (they commit with this transaction)
            batch.forEach(message -> faults.reached(StepBoundary.OUTBOX_BEFORE_MARK, message.messageId()));
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    record Pending(long id, String messageId, String topic, String messageKey, String ceType, String ceSubject,
                   String payload, Instant createdAt) {
    }

    @Override
    public void start() {
        worker.start(this::run);
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
