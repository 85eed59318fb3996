package io.chainhub.listener.replay;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.listener.ingest.ChainBlock;
import io.chainhub.listener.ingest.ChainRuntime;
import io.chainhub.listener.ingest.EventRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Re-emits a block range's transfers to a topic of the caller's choosing, with the status that applies
 * now (CONFIRMED when buried at the confirmation depth, else OBSERVED). It reads the chain itself and has
 * its own producer, so the live follower and its checkpoint are never touched. One transaction per block:
 * a replay cut short leaves whole blocks only.
 */
@Component
class Replayer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Replayer.class);

    private final Map<UUID, ReplayJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("replay").daemon().factory());

    ReplayJob start(ChainRuntime runtime, long fromBlock, long toBlock, String topic, Map<String, Object> kafka) {
        ReplayJob job = new ReplayJob(runtime.chain().chainId(), fromBlock, toBlock, topic);
        jobs.put(job.getId(), job);
        executor.execute(() -> run(job, runtime, kafka));
        return job;
    }

    Optional<ReplayJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(ReplayJob job, ChainRuntime runtime, Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, runtime.followerId() + "-replay-" + job.getId());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            long head = runtime.blocks().head();
            int depth = runtime.chain().confirmations();
            for (long number = job.getFromBlock(); number <= job.getToBlock(); number++) {
                ChainBlock block = runtime.blocks().block(number);
                long buried = head - number;
                List<TransferEvent> transfers = runtime.transfers(block).stream()
                        .map(t -> buried >= depth ? t.withStatus(TransferStatus.CONFIRMED, buried) : t).toList();
                producer.beginTransaction();
                Instant now = Instant.now();
                transfers.forEach(t -> producer.send(EventRecords.transfer(job.getTopic(), t, now, false)));
                producer.commitTransaction();
                job.progressed(number, transfers.size());
            }
            job.finished(null);
            log.info("Replay {} of chain {} blocks {}..{} to {}: {} events", job.getId(), job.getChainId(),
                    job.getFromBlock(), job.getToBlock(), job.getTopic(), job.getEvents());
        } catch (RuntimeException e) {
            log.warn("Replay {} failed at block {}: {}", job.getId(), job.getLastBlock() + 1, e.toString());
            job.finished(e.getMessage());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
