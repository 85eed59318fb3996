package io.chainhub.saga.deposit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.chainhub.events.custody.CustodyEvent;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.saga.account.Accounts;
import io.chainhub.saga.account.Asset;
import io.chainhub.saga.account.Assets;
import io.chainhub.saga.audit.AuditJournal;
import io.chainhub.saga.fault.StepBoundary;
import io.chainhub.saga.fault.StepFaults;
import io.chainhub.saga.ledger.Bucket;
import io.chainhub.saga.ledger.Ledger;
import io.chainhub.saga.messaging.Inbox;
import io.chainhub.saga.messaging.Outbox;
import io.chainhub.saga.messaging.TransactionalWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Runs the {@link DepositSaga} for transfers to deposit addresses, in the transaction of the listener's poll. */
@Component
class DepositProcessor {

    private final DepositSaga saga = new DepositSaga();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Assets assets;
    private final Ledger ledger;
    private final Inbox inbox;
    private final Outbox outbox;
    private final AuditJournal audit;
    private final StepFaults faults;
    private final TransactionalWrites writes;

    DepositProcessor(JdbcClient jdbc, Accounts accounts, Assets assets, Ledger ledger, Inbox inbox, Outbox outbox,
                     AuditJournal audit, StepFaults faults, TransactionalWrites writes) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.assets = assets;
        this.ledger = ledger;
        this.inbox = inbox;
        this.outbox = outbox;
        this.audit = audit;
        this.faults = faults;
        this.writes = writes;
    }

    @Transactional
    public void handle(String messageId, String topic, TransferEvent transfer) {
        writes.flush(); // a poll may carry several steps of one deposit: this one reads what the last one wrote
        if (transfer.standard() != TokenStandard.NATIVE && transfer.standard() != TokenStandard.ERC20) {
            return; // custody keeps fungible balances only
        }
        if (transfer.to() == null || transfer.value() == null || new BigInteger(transfer.value()).signum() <= 0) {
            return;
        }
        Optional<UUID> account = accounts.ownerOf(transfer.chainId(), transfer.to());
        if (account.isEmpty() || !inbox.firstDelivery(messageId, topic)) {
            return;
        }
        String depositId = transfer.eventId() + "@" + transfer.blockHash();
        DepositState current = jdbc.sql("SELECT state FROM deposit WHERE id = ? FOR UPDATE").param(depositId)
                .query(String.class).optional().map(DepositState::valueOf).orElse(null);
        DepositSaga.Decision decision = saga.decide(current, transfer.status());
        if (decision.step() == DepositSaga.Step.NONE) {
            return;
        }
        Asset asset = asset(transfer);
        BigInteger amount = new BigInteger(transfer.value());
        DepositState next = decision.next();
        switch (decision.step()) {
            case PENDING_CREDIT -> ledger.pendingCredit(depositId, account.get(), asset.id(), amount);
            case CREDIT_FROM_PENDING -> ledger.credit(depositId, account.get(), asset.id(), amount, true);
            case CREDIT_DIRECTLY -> ledger.credit(depositId, account.get(), asset.id(), amount, false);
            case REVERSE_PENDING -> ledger.reverse(depositId, account.get(), asset.id(), amount, Bucket.PENDING);
            case REVERSE_AVAILABLE -> next = reverseAvailable(depositId, account.get(), asset.id(), amount);
            case NONE -> throw new IllegalStateException();
        }
        if (current == null) {
            jdbc.sql("""
                    INSERT INTO deposit (id, transfer_id, account_id, asset_id, chain_id, tx_hash, block_number, block_hash,
                                         from_address, to_address, amount, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(depositId, transfer.eventId(), account.get(), asset.id(), transfer.chainId(), transfer.txHash(),
                            transfer.blockNumber(), transfer.blockHash(), transfer.from(), transfer.to(),
                            new BigDecimal(amount), next.name())
                    .update();
        } else {
            jdbc.sql("UPDATE deposit SET state = ?, updated_at = now() WHERE id = ?").params(next.name(), depositId).update();
        }
        jdbc.sql("INSERT INTO saga_transition (saga_id, from_state, to_state, cause, actor, detail) VALUES (?, ?, ?, ?, 'listener', ?)")
                .params(depositId, current == null ? null : current.name(), next.name(), "transfer." + transfer.status(),
                        decision.step().name()).update();
        audit.append("listener", "deposit." + next.name().toLowerCase(), depositId,
                (current == null ? "new" : current.name()) + " -> " + next + " on " + transfer.status() + " of " + amount);
        publish(depositId, account.get(), asset, transfer, next);
        faults.reached(switch (transfer.status()) {
            case OBSERVED -> StepBoundary.DEPOSIT_PENDING;
            case CONFIRMED -> StepBoundary.DEPOSIT_CREDITED;
            case REVERTED -> StepBoundary.DEPOSIT_REVERSED;
        }, depositId);
    }

    /** The funds may already be gone (withdrawn); then the reversal waits for an operator. */
    private DepositState reverseAvailable(String depositId, UUID account, long asset, BigInteger amount) {
        BigDecimal available = jdbc.sql("SELECT coalesce(max(available), 0) FROM balance WHERE account_id = ? AND asset_id = ?")
                .params(account, asset).query(BigDecimal.class).single();
        if (available.toBigIntegerExact().compareTo(amount) < 0) {
            return DepositState.REVERSAL_BLOCKED;
        }
        ledger.reverse(depositId, account, asset, amount, Bucket.AVAILABLE);
        return DepositState.REVERSED;
    }

    private Asset asset(TransferEvent transfer) {
        String token = transfer.token() == null ? null : transfer.token().address();
        Integer decimals = transfer.token() == null ? null : transfer.token().decimals();
        String symbol = transfer.token() == null ? null : transfer.token().symbol();
        if (transfer.standard() == TokenStandard.NATIVE) {
            return assets.findOrRegister(transfer.chainId(), null, symbol == null ? "ETH" : symbol, decimals == null ? 18 : decimals);
        }
        return assets.findOrRegister(transfer.chainId(), token, symbol, decimals == null ? 0 : decimals);
    }

    private void publish(String depositId, UUID account, Asset asset, TransferEvent transfer, DepositState state) {
        String kind = switch (state) {
            case PENDING -> "pending";
            case CREDITED -> "credited";
            case REVERSED -> "reversed";
            case REVERSAL_BLOCKED -> "reversal_blocked";
        };
        String eventId = depositId + ":" + kind;
        CustodyEvent event = new CustodyEvent(eventId, "custody.deposit." + kind, depositId, account.toString(), state.name(),
                transfer.chainId(), asset.tokenAddress(), transfer.value(), asset.decimals(), transfer.to(),
                transfer.txHash(), Instant.now(), Map.of("from", String.valueOf(transfer.from()),
                        "blockNumber", Long.toString(transfer.blockNumber()), "blockHash", transfer.blockHash(),
                        "confirmations", Long.toString(transfer.confirmations())));
        outbox.add(Topics.CUSTODY_EVENTS, account.toString(), eventId, event.cloudEventType(), depositId, event);
    }
}
