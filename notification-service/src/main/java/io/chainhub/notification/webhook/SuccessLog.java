package io.chainhub.notification.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.chainhub.notification.delivery.DeliveryStore;
import io.chainhub.notification.delivery.Success;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records successful attempts in batches: whatever succeeded while the previous batch was being written
 * goes into the next one, so under load there is one commit per batch instead of one per delivery, and
 * when idle a success is written at once. Until written, a delivery keeps its claim's lease; if the
 * instance dies in between, the delivery is sent again when the lease ends (at-least-once, deduplicated
 * by the receiver on {@code webhook-id}, as for a crash during the send itself).
 */
@Component
class SuccessLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SuccessLog.class);
    private static final int MAX_BATCH = 500;

    private final DeliveryStore deliveries;
    private final BlockingQueue<Success> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    SuccessLog(DeliveryStore deliveries) {
        this.deliveries = deliveries;
        this.writer = Thread.ofVirtual().name("webhook-success-log").start(this::run);
    }

    void add(Success success) {
        pending.add(success);
    }

    private void run() {
        while (running) {
            try {
                Success first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Success> batch = new ArrayList<>();
                    batch.add(first);
                    pending.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Success> batch) {
        try {
            deliveries.recordSuccesses(batch);
        } catch (RuntimeException e) {
            log.error("could not record {} successful deliveries; they are sent again when their leases end", batch.size(), e);
        }
    }

    /** Writes what is left, so that a clean shutdown re-sends nothing. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(Duration.ofSeconds(5));
        List<Success> rest = new ArrayList<>();
        pending.drainTo(rest);
        for (int from = 0; from < rest.size(); from += MAX_BATCH) {
            write(rest.subList(from, Math.min(rest.size(), from + MAX_BATCH)));
        }
    }
}
