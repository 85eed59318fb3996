package io.chainhub.saga.withdrawal;

import java.util.UUID;

import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.custody.ScreeningReply;
import io.chainhub.events.topics.Topics;
import io.chainhub.saga.messaging.Messages;
import io.chainhub.saga.messaging.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Replies of the participants (fraud screening, chain gateway) turned into saga inputs. */
@Component
class ParticipantListeners {

    private final WithdrawalReplies replies;

    ParticipantListeners(WithdrawalReplies replies) {
        this.replies = replies;
    }

    @KafkaListener(id = "saga-screening-replies", topics = Topics.SCREENING_REPLIES)
    void onScreening(ConsumerRecord<String, String> record) {
        ScreeningReply reply = Messages.payload(record, ScreeningReply.class);
        if (reply.decision() == null) {
            throw new PoisonRecordException("screening reply without decision for " + reply.withdrawalId(), null);
        }
        replies.deliver(Messages.messageId(record, reply.commandId() + ":reply"), record.topic(), id(reply.withdrawalId()),
                new WithdrawalInput.ScreeningDecided(reply.decision(),
                        reply.reasons() == null ? java.util.List.of() : reply.reasons()), "fraud-service");
    }

    @KafkaListener(id = "saga-chain-replies", topics = Topics.CHAIN_GATEWAY_REPLIES)
    void onChain(ConsumerRecord<String, String> record) {
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
        replies.deliver(Messages.messageId(record, reply.replyId()), record.topic(), id(reply.withdrawalId()), input,
                "chain-gateway");
    }

    private static UUID id(String withdrawalId) {
        try {
            return UUID.fromString(withdrawalId);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("not a withdrawal id: " + withdrawalId, e);
        }
    }
}
