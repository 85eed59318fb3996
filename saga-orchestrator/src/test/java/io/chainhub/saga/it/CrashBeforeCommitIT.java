package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.chainhub.saga.withdrawal.WithdrawalInput;
import io.chainhub.saga.withdrawal.WithdrawalReplies;
import io.chainhub.saga.withdrawal.WithdrawalRunner;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A crash at a step boundary, simulated by failing the surrounding transaction after the step ran:
 * nothing of the step may survive (state, approvals, ledger, outbox, timers), and running it again
 * afterwards applies it exactly once.
 */
@ChainHubIntegrationTest
class CrashBeforeCommitIT extends WithdrawalScenarioSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WithdrawalRunner runner;

    @Autowired
    WithdrawalReplies replies;

    @Test
    void shouldLeaveNoTraceWhenCrashingBeforeCommitOfQuorumStep() {
        String account = custody.account("standard");
        String token = custody.fund(account, "5000");
        UUID id = UUID.fromString(api.post("/api/withdrawals", Map.of("accountId", account, "chainId", Custody.CHAIN,
                "token", token, "amount", "5000", "destination", Custody.randomAddress()), "alice").text("id"));
        awaitState(id, "AWAITING_APPROVAL");
        api.post("/api/withdrawals/" + id + "/approve", null, "bob");
        long outboxBefore = outbox(id);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            runner.handle(id, new WithdrawalInput.ApprovalGiven("carol", null), "carol");
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");

        assertThat(state(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(outbox(id)).isEqualTo(outboxBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM withdrawal_approval WHERE withdrawal_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        custody.awaitBalance(account, token, "0", "5000", "0");

        api.post("/api/withdrawals/" + id + "/approve", null, "carol");
        awaitState(id, "COMPLETED");
        custody.awaitBalance(account, token, "0", "0", "0");
        custody.assertLedgerSound();
    }

    @Test
    void shouldApplyOnceWhenReplyRedeliveredAfterCommit() {
        String account = custody.account("standard");
        String token = custody.fund(account, "3000");
        UUID id = UUID.fromString(api.post("/api/withdrawals", Map.of("accountId", account, "chainId", Custody.CHAIN,
                "token", token, "amount", "3000", "destination", Custody.randomAddress()), "alice").text("id"));
        awaitState(id, "AWAITING_APPROVAL");
        String messageId = id + ":failed:test";

        // the gateway never replies FAILED while awaiting approval; a stale FAILED is ignored, and its id recorded once
        replies.deliver(messageId, "custody-chain-replies", id, new WithdrawalInput.SigningFailed("stale"), "chain-gateway");
        replies.deliver(messageId, "custody-chain-replies", id, new WithdrawalInput.SigningFailed("stale"), "chain-gateway");

        assertThat(state(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE message_id = ?").param(messageId)
                .query(Long.class).single()).isEqualTo(1);
        custody.assertLedgerSound();
    }

    private long outbox(UUID id) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = ?").param(id.toString()).query(Long.class).single();
    }

    private String state(UUID id) {
        return jdbc.sql("SELECT state FROM withdrawal WHERE id = ?").param(id).query(String.class).single();
    }

    private void awaitState(UUID id, String state) {
        Awaitility.await(id + " " + state).atMost(Duration.ofSeconds(20)).until(() -> state(id).equals(state));
    }
}
