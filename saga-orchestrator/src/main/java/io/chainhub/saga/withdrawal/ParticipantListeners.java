package io.chainhub.saga.withdrawal;

import java.util.List;
import java.util.UUID;

import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.custody.ScreeningReply;
import io.chainhub.events.topics.Topics;
import io.chainhub.saga.messaging.ConsumedBatches;
import io.chainhub.saga.messaging.Messages;
import io.chainhub.saga.messaging.PoisonRecordException;
import io.chainhub.saga.withdrawal.WithdrawalReplies.Reply;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Replies of the participants (fraud screening, chain gateway) turned into saga inputs. */
@Component
class ParticipantListeners {

    private final WithdrawalReplies replies;
    private final ConsumedBatches batches;

    ParticipantListeners(WithdrawalReplies replies, ConsumedBatches batches) {
        this.replies = replies;
        this.batches = batches;
    }

    /**
     * A poll of screening replies: one database transaction, one Kafka transaction. One consumer per
     * partition: the replies of one withdrawal share a partition (keyed by its id), so they stay in order.
     */
    @KafkaListener(id = "saga-screening-replies", topics = Topics.SCREENING_REPLIES, batch = "true", concurrency = "3")
    void onScreening(List<ConsumerRecord<String, String>> records) {
        batches.consume(records, ParticipantListeners::screening, replies -> this.replies.deliverAll(Topics.SCREENING_REPLIES, replies));
    }

    /** A poll of the chain gateway's replies: one database transaction, one Kafka transaction. */
    @KafkaListener(id = "saga-chain-replies", topics = Topics.CHAIN_GATEWAY_REPLIES, batch = "true", concurrency = "3")
    void onChain(List<ConsumerRecord<String, String>> records) {
        batches.consume(records, ParticipantListeners::chain, replies -> this.replies.deliverAll(Topics.CHAIN_GATEWAY_REPLIES, replies));
    }

    private static Reply screening(ConsumerRecord<String, String> record) {
        ScreeningReply reply = Messages.payload(record, ScreeningReply.class);
        if (reply.decision() == null) {
            throw new PoisonRecordException("screening reply without decision for " + reply.withdrawalId(), null);
        }
        return new Reply(Messages.messageId(record, reply.commandId() + ":reply"), id(reply.withdrawalId()),
                new WithdrawalInput.ScreeningDecided(reply.decision(), reply.reasons() == null ? List.of() : reply.reasons()),
                "fraud-service");
    }

    private static Reply chain(ConsumerRecord<String, String> record) {
        ChainReply reply = Messages.payload(record, ChainReply.class);
        if (reply.outcome() == null) {
            throw new PoisonRecordException("chain reply without outcome for " + reply.withdrawalId(), null);
        }
        WithdrawalInput input = switch (reply.outcome()) {
            case BROADCAST -> new WithdrawalInput.Broadcast(reply.txHash());
            case CONFIRMED -> new WithdrawalInput.Confirmed(reply.txHash(), reply.confirmations());
            case DROPPED -> new WithdrawalInput.Dropped(reply.txHash(), reply.reason());
            case FAILED -> new WithdrawalInput.SigningFailed(reply.reason());
        };
        return new Reply(Messages.messageId(record, reply.replyId()), id(reply.withdrawalId()), input, "chain-gateway");
    }

    private static UUID id(String withdrawalId) {
        try {
            return UUID.fromString(withdrawalId);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("not a withdrawal id: " + withdrawalId, e);
        }
    }
}
