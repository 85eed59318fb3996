package io.chainhub.saga.withdrawal;

import java.util.UUID;

import io.chainhub.saga.messaging.Inbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A participant's reply, deduplicated by message id in the transaction of the transition it causes. */
@Component
public class WithdrawalReplies {

    private final Inbox inbox;
    private final WithdrawalRunner runner;

    WithdrawalReplies(Inbox inbox, WithdrawalRunner runner) {
        this.inbox = inbox;
        this.runner = runner;
    }

    @Transactional
    public void deliver(String messageId, String topic, UUID withdrawal, WithdrawalInput input, String participant) {
        if (inbox.firstDelivery(messageId, topic)) {
            runner.handle(withdrawal, input, participant);
        }
    }
}
