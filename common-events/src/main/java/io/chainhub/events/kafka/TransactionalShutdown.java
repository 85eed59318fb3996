package io.chainhub.events.kafka;

import java.time.Duration;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * Ends a transactional producer without leaving a transaction open. A stopping thread is usually
 * interrupted, and an interrupted {@code abortTransaction()} or {@code close()} gives up at once: the
 * producer is force-closed and its open transaction stays on the broker until
 * {@code transaction.timeout.ms}, holding back every read_committed consumer of those partitions.
 * So the interrupt flag is set aside while the producer aborts and closes, and restored afterwards.
 */
public final class TransactionalShutdown {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private TransactionalShutdown() {
    }

    /** Aborts the open transaction; a fenced or broken producer is left to its successor's initTransactions(). */
    public static void abortQuietly(Producer<?, ?> producer) {
        uninterrupted(() -> {
            try {
                producer.abortTransaction();
            } catch (KafkaException | IllegalStateException ignored) {
                // fenced, broken or no transaction open: nothing more this producer can do
            }
        });
    }

    /** Aborts {@code openTransaction} if set, then closes the producer. */
    public static void close(Producer<?, ?> producer, boolean openTransaction) {
        if (openTransaction) {
            abortQuietly(producer); // if that fails, a graceful close() aborts what is left
        }
        uninterrupted(() -> producer.close(CLOSE_TIMEOUT));
    }

    private static void uninterrupted(Runnable action) {
        boolean interrupted = Thread.interrupted();
        try {
            action.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
