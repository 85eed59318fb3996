package io.chainhub.saga.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.chainhub.saga.fault.SimulatedCrash;
import io.chainhub.saga.fault.StepBoundary;
import io.chainhub.saga.fault.StepFaults;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a batch listener applies a poll: all its records in ONE database transaction, inside the
 * container's Kafka transaction that then commits their offsets (and any dead letters) — one commit
 * of each kind per poll instead of per record. Unreadable records go to {@code <topic>.dlt} at once.
 * If the poll's transaction fails, each record is applied in a transaction of its own, so one bad
 * record cannot hold back the others; a record that fails {@value #ATTEMPTS} times goes to the dead
 * letters with the reason. A {@link SimulatedCrash} is not a bad record: it aborts everything.
 */
@Component
public class ConsumedBatches {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(ConsumedBatches.class);

    private final TransactionTemplate transactions;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final StepFaults faults;

    ConsumedBatches(TransactionTemplate transactions, DeadLetterPublishingRecoverer deadLetters, StepFaults faults) {
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.faults = faults;
    }

    /**
     * @param read  the record as an input of {@code apply}; throws {@link PoisonRecordException} when it cannot be
     * @param apply applies inputs in order, in the transaction it is called in
     */
    public <T> void consume(List<ConsumerRecord<String, String>> records, Function<ConsumerRecord<String, String>, T> read,
                            Consumer<List<T>> apply) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.size());
        List<T> inputs = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                inputs.add(read.apply(record));
                readable.add(record);
            } catch (PoisonRecordException e) {
                deadLetters.accept(record, e);
            }
        }
        if (!inputs.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> apply.accept(inputs));
            } catch (SimulatedCrash crash) {
                throw crash;
            } catch (RuntimeException e) {
                log.warn("a poll of {} records from {} failed ({}); applying them one by one", inputs.size(),
                        readable.getFirst().topic(), e.toString());
                for (int i = 0; i < inputs.size(); i++) {
                    applyAlone(readable.get(i), inputs.get(i), apply);
                }
            }
        }
        for (ConsumerRecord<String, String> record : readable) {
            faults.reached(StepBoundary.CONSUMED_BEFORE_OFFSET_COMMIT, record.topic() + "-" + record.partition() + "@" + record.offset());
        }
    }

    private <T> void applyAlone(ConsumerRecord<String, String> record, T input, Consumer<List<T>> apply) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                transactions.executeWithoutResult(status -> apply.accept(List.of(input)));
                return;
            } catch (SimulatedCrash crash) {
                throw crash;
            } catch (PoisonRecordException e) {
                failure = e;
                break;
            } catch (RuntimeException e) {
                failure = e;
                pause();
            }
        }
        log.warn("{}-{}@{} goes to the dead letters: {}", record.topic(), record.partition(), record.offset(), failure.toString());
        deadLetters.accept(record, failure);
    }

    /** The back-off between attempts of one record, as the container's error handling had it. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a record", e);
        }
    }
}
