package io.chainhub.saga.deposit;

import java.util.List;

import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.saga.messaging.ConsumedBatches;
import io.chainhub.saga.messaging.Messages;
import io.chainhub.saga.messaging.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every transfer published by the listener; only those to deposit addresses matter. */
@Component
class DepositListener {

    private final DepositProcessor processor;
    private final ConsumedBatches batches;

    DepositListener(DepositProcessor processor, ConsumedBatches batches) {
        this.processor = processor;
        this.batches = batches;
    }

    /** A poll of transfers: one database transaction, one Kafka transaction. */
    @KafkaListener(id = "saga-deposits", topics = Topics.TOKEN_TRANSFERS, batch = "true")
    void onTransfers(List<ConsumerRecord<String, String>> records) {
        batches.consume(records, DepositListener::transfer,
                transfers -> transfers.forEach(t -> processor.handle(t.messageId(), t.topic(), t.transfer())));
    }

    private record Consumed(String messageId, String topic, TransferEvent transfer) {
    }

    private static Consumed transfer(ConsumerRecord<String, String> record) {
        TransferEvent transfer = Messages.payload(record, TransferEvent.class);
        if (transfer.status() == null || transfer.eventId() == null || transfer.blockHash() == null) {
            throw new PoisonRecordException("incomplete transfer event " + transfer.eventId(), null);
        }
        return new Consumed(Messages.messageId(record, transfer.cloudEventId()), record.topic(), transfer);
    }
}
