package io.chainhub.saga.deposit;

import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.saga.messaging.Messages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every transfer published by the listener; only those to deposit addresses matter. */
@Component
class DepositListener {

    private final DepositProcessor processor;

    DepositListener(DepositProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(id = "saga-deposits", topics = Topics.TOKEN_TRANSFERS)
    void onTransfer(ConsumerRecord<String, String> record) {
        TransferEvent transfer = Messages.payload(record, TransferEvent.class);
        if (transfer.status() == null || transfer.eventId() == null || transfer.blockHash() == null) {
            throw new io.chainhub.saga.messaging.PoisonRecordException("incomplete transfer event " + transfer.eventId(), null);
        }
        processor.handle(Messages.messageId(record, transfer.cloudEventId()), record.topic(), transfer);
    }
}
