package io.chainhub.e2e.custody;

import static io.chainhub.e2e.custody.CustodyStack.GATEWAY;
import static io.chainhub.e2e.custody.CustodyStack.ORCHESTRATOR;
import static io.chainhub.e2e.custody.CustodyStack.FRAUD;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.chainhub.devchain.DevChain;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.testsupport.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Thirty withdrawals through the whole suite while the saga-orchestrator and the listener-service (the
 * chain gateway) are killed with SIGKILL at every step boundary of the saga and restarted with
 * {@code ./chainhub restart}. Afterwards every saga has ended, the chain holds exactly one transaction
 * per completed withdrawal, the ledger moved each hold and settlement once, and its invariant holds.
 */
@ExtendWith(SharedCustodyStack.class)
class CustodyFaultInjectionIT {

    private static final int BATCH = 10;
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final BigInteger FUNDS = ETH;
    private static final BigInteger AMOUNT = ETH.divide(BigInteger.valueOf(100));
    private static final Duration STEP = Duration.ofMinutes(3);
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "REJECTED", "CANCELLED", "EXPIRED", "FAILED");

    private static CustodyStack stack;
    private static CustodyApi api;
    private static DevChain chain;

    private final KillLog kills = new KillLog();
    private final Map<String, Planned> planned = new LinkedHashMap<>();
    private String account;

    /** What the test asked for: each withdrawal has a destination of its own, so a second payment would show. */
    record Planned(BigInteger amount, String destination) {
    }

    @BeforeAll
    static void stack(CustodyStack shared) {
        stack = shared;
        api = new CustodyApi(shared);
        chain = DevChain.connect(shared.rpcUrl());
    }

    @AfterAll
    static void closeChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void shouldEndEachWithdrawalOnceWithOneTransactionWhenOrchestratorAndGatewayAreKilledAtEveryStep() {
        account = fundedAccount();
        long firstBlock = chain.blockNumber() + 1;
        String hotWallet = CustodyStack.HOT_WALLET.getAddress();
        long nonceBefore = HotWalletTransactions.nonce(chain.web3j(), hotWallet);

        // 1. Requests committed, screening commands in the outbox or unanswered (fraud-service held still).
        List<String> a;
        stack.pause(FRAUD);
        try {
            a = startBatch();
            kill("A being screened (fraud-service paused)", ORCHESTRATOR);
        } finally {
            stack.resume(FRAUD);
        }
        stack.restart(ORCHESTRATOR);

        // 2. A waits for approvals (durable window timers), B is being screened.
        awaitStates(a, "AWAITING_APPROVAL"::equals, "A awaiting approval");
        List<String> b = startBatch();
        kill("A awaiting approval, B requested", ORCHESTRATOR);
        stack.restart(ORCHESTRATOR);

        // 3. A's quorum sends sign commands to a gateway held still; it dies with them, then the orchestrator too.
        stack.pause(GATEWAY);
        approveAll(a);
        awaitStates(a, "SIGNING"::equals, "A signing");
        awaitStates(b, "AWAITING_APPROVAL"::equals, "B awaiting approval");
        kill("A signing (gateway paused)", GATEWAY);
        kill("A signing (gateway down)", ORCHESTRATOR);
        stack.restart(ORCHESTRATOR, GATEWAY);

        // 4. The gateway dies in the middle of B: some of B broadcast already, the others not yet.
        approveAll(b);
        awaitAny(b, state -> !state.equals("SIGNING"), "the gateway broadcasting B");
        kill("B being signed and broadcast", GATEWAY);
        stack.restart(GATEWAY);
        awaitStates(concat(a, b), state -> state.equals("CONFIRMING") || state.equals("COMPLETED"), "A and B broadcast");

        // 5. Both die with A and B waiting for depth and C being screened; the depth is mined while they are down.
        List<String> c = startBatch();
        kill("A and B confirming, C requested", ORCHESTRATOR, GATEWAY);
        chain.mine(3);
        stack.restart(ORCHESTRATOR, GATEWAY);

        // 6. The orchestrator dies while the gateway reports C's confirmations.
        awaitStates(c, "AWAITING_APPROVAL"::equals, "C awaiting approval");
        approveAll(c);
        awaitStates(c, state -> state.equals("CONFIRMING") || state.equals("COMPLETED"), "C broadcast");
        killRightAfter(() -> chain.mine(3), "C confirmed at depth, settling", ORCHESTRATOR);
        stack.restart(ORCHESTRATOR);

        List<JsonNode> ended = awaitAllEndedWhileMining();
        System.out.println(kills.report());

        assertThat(kills.statesInFlightAtKillsOf(ORCHESTRATOR)).as(kills.report())
                .contains("SCREENING", "AWAITING_APPROVAL", "SIGNING", "CONFIRMING");
        assertThat(kills.statesInFlightAtKillsOf(GATEWAY)).as(kills.report()).contains("SIGNING", "CONFIRMING");
        assertThat(ended).as("every withdrawal completed").allSatisfy(w ->
                assertThat(w.path("state").asString()).as(w.toString()).isEqualTo("COMPLETED"));
        assertOneTransactionPerWithdrawal(ended, hotWallet, firstBlock, nonceBefore);
        assertLedgerMovedEachHoldAndSettlementOnce();
        assertOneCompletionEventPerWithdrawal();
        assertThat(api.ledgerCheck().path("sound").asBoolean()).as(api.ledgerCheck().toString()).isTrue();
        assertThat(api.auditVerify().path("valid").asBoolean()).as(api.auditVerify().toString()).isTrue();
    }

    private void assertOneTransactionPerWithdrawal(List<JsonNode> ended, String hotWallet, long firstBlock, long nonceBefore) {
        List<Transaction> sent = HotWalletTransactions.sentBy(chain.web3j(), hotWallet, firstBlock);
        assertThat(sent).as("transactions from the hot wallet").hasSize(planned.size());
        assertThat(HotWalletTransactions.nonce(chain.web3j(), hotWallet) - nonceBefore).isEqualTo(planned.size());
        assertThat(sent.stream().map(tx -> tx.getTo().toLowerCase()).collect(groupingBy(to -> to, counting())).values())
                .as("transactions per destination (one destination per withdrawal)").containsOnly(1L);
        assertThat(sent.stream().map(Transaction::getHash).collect(toSet()))
                .isEqualTo(ended.stream().map(w -> w.path("txHash").asString()).collect(toSet()));
        for (JsonNode w : ended) {
            Planned plan = planned.get(w.path("id").asString());
            Transaction tx = sent.stream().filter(t -> t.getHash().equals(w.path("txHash").asString())).findFirst().orElseThrow();
            assertThat(tx.getTo()).isEqualToIgnoringCase(plan.destination());
            assertThat(tx.getValue()).isEqualTo(plan.amount());
            assertThat(chain.ethBalance(plan.destination())).isEqualTo(plan.amount());
        }
    }

    private void assertLedgerMovedEachHoldAndSettlementOnce() {
        List<JsonNode> journal = api.journal(account);
        Map<String, Long> linesPerMovement = journal.stream()
                .collect(groupingBy(line -> line.path("sagaId").asString() + " " + line.path("reason").asString() + " "
                        + line.path("bucket").asString(), counting()));
        assertThat(linesPerMovement.values()).as("journal lines per (saga, reason, bucket)").containsOnly(1L);
        for (String id : planned.keySet()) {
            assertThat(journal.stream().filter(line -> line.path("sagaId").asString().equals(id)).map(line -> line.path("reason").asString()))
                    .as("movements of withdrawal " + id).containsExactlyInAnyOrder("withdrawal.settle", "withdrawal.hold", "withdrawal.hold");
        }
        BigInteger withdrawn = planned.values().stream().map(Planned::amount).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(api.nativeBalance(account))
                .isEqualTo(new CustodyApi.Balance(FUNDS.subtract(withdrawn), BigInteger.ZERO, BigInteger.ZERO));
    }

    /** The outbox may publish an event again after a crash, but always under the same id: consumers dedup on it. */
    private void assertOneCompletionEventPerWithdrawal() {
        try (KafkaTestConsumer events = KafkaTestConsumer.subscribe(stack.kafka(), Topics.CUSTODY_EVENTS)) {
            Predicate<ConsumerRecord<String, String>> completion = record ->
                    planned.containsKey(record.key()) && record.value().contains("\"custody.withdrawal.completed\"");
            events.awaitRecords(completion, planned.size(), Duration.ofSeconds(60));
            Map<String, Set<String>> eventIdsPerSaga = events.received().stream().filter(completion)
                    .map(record -> EventJson.mapper().readTree(record.value()))
                    .collect(groupingBy(event -> event.path("sagaId").asString(),
                            mapping(event -> event.path("eventId").asString(), toSet())));
            assertThat(eventIdsPerSaga).hasSize(planned.size());
            assertThat(eventIdsPerSaga.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
    }

    private String fundedAccount() {
        String id = api.openAccount("custody-faults-" + UUID.randomUUID());
        String depositAddress = CustodyApi.freshAddress();
        api.assignDepositAddress(id, depositAddress);
        chain.sendEth(DevChain.account(0), depositAddress, FUNDS);
        chain.mine(2);
        Awaitility.await("deposit credited").atMost(STEP).pollInterval(Duration.ofMillis(250))
                .until(() -> api.nativeBalance(id).available().equals(FUNDS));
        return id;
    }

    private List<String> startBatch() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            BigInteger amount = AMOUNT.add(BigInteger.valueOf(planned.size()));
            String destination = CustodyApi.freshAddress();
            String id = CustodyApi.expect(201, api.startWithdrawal("alice", UUID.randomUUID().toString(), account, amount, destination))
                    .path("id").asString();
            planned.put(id, new Planned(amount, destination));
            ids.add(id);
        }
        return ids;
    }

    private void approveAll(List<String> ids) {
        for (String approver : List.of("bob", "carol")) {
            for (String id : ids) {
                CustodyApi.expect(200, api.approve(id, approver));
            }
        }
    }

    /** SIGKILL, after noting the states of the withdrawals that are not finished. */
    private void kill(String moment, String... services) {
        killRightAfter(() -> { }, moment, services);
    }

    /** Notes the states in flight, sets off {@code trigger} (mining, say) and kills before its effects can settle. */
    private void killRightAfter(Runnable trigger, String moment, String... services) {
        Map<String, Long> inFlight = api.withdrawals(account).stream().map(w -> w.path("state").asString())
                .filter(state -> !TERMINAL.contains(state)).collect(groupingBy(state -> state, counting()));
        trigger.run();
        for (String service : services) {
            stack.kill(service);
        }
        kills.add(moment, List.of(services), inFlight);
    }

    private void awaitStates(List<String> ids, Predicate<String> expected, String what) {
        Awaitility.await(what).atMost(STEP).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> api.withdrawals(account).stream()
                .filter(w -> ids.contains(w.path("id").asString()))
                .allMatch(w -> expected.test(w.path("state").asString())));
    }

    /** Polls tightly: the moment one of {@code ids} gets there, the others usually have not. */
    private void awaitAny(List<String> ids, Predicate<String> expected, String what) {
        Awaitility.await(what).atMost(STEP).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> api.withdrawals(account)
                .stream().filter(w -> ids.contains(w.path("id").asString()))
                .anyMatch(w -> expected.test(w.path("state").asString())));
    }

    /**
     * Polls until every withdrawal has ended, mining a block per poll so that confirmations keep coming. Allowed
     * two steps: after the last kill both services restart and a SIGKILLed consumer's partitions wait for its
     * session timeout, which takes long on a loaded machine. A time-out says where the withdrawals stand.
     */
    private List<JsonNode> awaitAllEndedWhileMining() {
        List<List<JsonNode>> last = new ArrayList<>(List.of(List.of()));
        try {
            Awaitility.await("every withdrawal ended").atMost(STEP.multipliedBy(2)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        chain.mine(1);
                        List<JsonNode> all = api.withdrawals(account);
                        last.set(0, all);
                        return all.size() == planned.size() && all.stream().allMatch(w -> TERMINAL.contains(w.path("state").asString()));
                    });
        } catch (ConditionTimeoutException e) {
            Map<String, Long> states = last.getFirst().stream().collect(Collectors.groupingBy(w -> w.path("state").asString(),
                    TreeMap::new, Collectors.counting()));
            throw new AssertionError("not every withdrawal ended: " + last.getFirst().size() + " of " + planned.size()
                    + " known, by state " + states, e);
        }
        return last.getFirst();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
