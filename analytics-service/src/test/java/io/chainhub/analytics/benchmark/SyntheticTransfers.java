package io.chainhub.analytics.benchmark;

import java.time.Instant;
import java.util.Map;
import java.util.Random;

import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Synthetic transfers: 20 tokens, 10,000 addresses, ~50 transfers per 12-s block, block time
 * advancing from {@code start}; published transactionally in batches as the listener does.
 */
final class SyntheticTransfers implements AutoCloseable {

    static final long CHAIN = 1;
    private static final int TOKENS = 20;
    private static final int ADDRESSES = 10_000;
    private static final int PER_BLOCK = 50;

    private final KafkaProducer<String, byte[]> producer;
    private final Random random = new Random(42);
    private final Instant start;
    private long sequence;

    SyntheticTransfers(String bootstrapServers, String transactionalId, Instant start) {
        this.start = start;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Publishes {@code count} more transfers in transactions of 10,000. */
    void publish(long count) {
        for (long done = 0; done < count; ) {
            long batch = Math.min(10_000, count - done);
            producer.beginTransaction();
            for (long i = 0; i < batch; i++) {
                TransferEvent event = next();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOKEN_TRANSFERS, event.kafkaKey(),
                        EventJson.mapper().writeValueAsBytes(event));
                CloudEventHeaders.write(record.headers(), new CloudEvent(event.cloudEventId(), "/bench",
                        event.status().cloudEventType(), Instant.now(), event.eventId()));
                producer.send(record);
            }
            producer.commitTransaction();
            done += batch;
        }
    }

    private TransferEvent next() {
        long n = sequence++;
        long block = 20_000_000 + n / PER_BLOCK;
        long time = start.getEpochSecond() + (n / PER_BLOCK) * 12;
        int token = random.nextInt(TOKENS);
        String tokenAddress = String.format("0x%040x", 0xc0ffee0000L + token);
        String tx = String.format("0x%064x", n);
        return new TransferEvent(CHAIN + ":" + tx + ":0", TransferStatus.OBSERVED, CHAIN, block,
                String.format("0x%064x", block), time, tx, 0, TokenStandard.ERC20,
                new TokenRef(tokenAddress, "T" + token, 18), address(), address(),
                Long.toString(1 + random.nextInt(1_000_000)) + "000000000000", null, 0);
    }

    private String address() {
        return String.format("0x%040x", 0xa11ce00000L + random.nextInt(ADDRESSES));
    }

    @Override
    public void close() {
        producer.close();
    }
}
