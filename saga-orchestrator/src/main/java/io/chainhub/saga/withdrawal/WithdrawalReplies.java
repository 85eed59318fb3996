package io.chainhub.saga.withdrawal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chainhub.saga.messaging.Inbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Participants' replies, deduplicated by message id in the transaction of the transitions they cause. */
@Component
public class WithdrawalReplies {

    private final Inbox inbox;
    private final WithdrawalRunner runner;

    WithdrawalReplies(Inbox inbox, WithdrawalRunner runner) {
        this.inbox = inbox;
        this.runner = runner;
    }

    /** A reply read from {@code topic}: its ce_id, the withdrawal and what it means for it. */
    public record Reply(String messageId, UUID withdrawal, WithdrawalInput input, String participant) {
    }

    @Transactional
    public void deliver(String messageId, String topic, UUID withdrawal, WithdrawalInput input, String participant) {
        deliverAll(topic, List.of(new Reply(messageId, withdrawal, input, participant)));
    }

    /** A poll's replies in one transaction: the first delivery of each message id is applied, in order. */
    @Transactional
    public void deliverAll(String topic, List<Reply> replies) {
        Set<String> firstDeliveries = inbox.firstDeliveries(replies.stream().map(Reply::messageId).toList(), topic);
        List<WithdrawalRunner.Step> steps = replies.stream()
                .filter(reply -> firstDeliveries.remove(reply.messageId())) // twice in one poll: the first one only
                .map(reply -> new WithdrawalRunner.Step(reply.withdrawal(), reply.input(), reply.participant()))
                .toList();
        if (!steps.isEmpty()) {
            runner.handleAll(steps);
        }
    }
}
