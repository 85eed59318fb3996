package io.chainhub.saga.it;

import static io.chainhub.saga.fault.StepBoundary.APPROVAL_EXPIRED;
import static io.chainhub.saga.fault.StepBoundary.APPROVAL_RECORDED;
import static io.chainhub.saga.fault.StepBoundary.BROADCAST_APPLIED;
import static io.chainhub.saga.fault.StepBoundary.CHAIN_COMMAND_QUEUED;
import static io.chainhub.saga.fault.StepBoundary.CONSUMED_BEFORE_OFFSET_COMMIT;
import static io.chainhub.saga.fault.StepBoundary.DEPOSIT_CREDITED;
import static io.chainhub.saga.fault.StepBoundary.DEPOSIT_PENDING;
import static io.chainhub.saga.fault.StepBoundary.DEPOSIT_REVERSED;
import static io.chainhub.saga.fault.StepBoundary.FUNDS_HELD;
import static io.chainhub.saga.fault.StepBoundary.HOLD_RELEASED;
import static io.chainhub.saga.fault.StepBoundary.OUTBOX_BEFORE_KAFKA_COMMIT;
import static io.chainhub.saga.fault.StepBoundary.OUTBOX_BEFORE_MARK;
import static io.chainhub.saga.fault.StepBoundary.POLICY_DECIDED;
import static io.chainhub.saga.fault.StepBoundary.SCREENING_REPLY_APPLIED;
import static io.chainhub.saga.fault.StepBoundary.SETTLED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.chainhub.events.custody.ChainCommand;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.saga.fault.ArmedStepFaults;
import io.chainhub.saga.fault.StepBoundary;
import io.chainhub.testsupport.ChainHubIntegrationTest;
import io.chainhub.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault injection at every step boundary across many withdrawals and deposits: the Nth arrival at
 * each boundary fails its transaction before commit (or, for the offset and outbox-mark boundaries,
 * after the database or Kafka commit), and the system recovers by itself — Kafka redelivery, the
 * outbox relay's next round, the timer's next poll — or by the client retrying a 5xx with the same
 * Idempotency-Key. Afterwards every saga is terminal in the state its path leads to, each completed
 * withdrawal has exactly one sign command on the topic and one signature, no money moved twice,
 * and the ledger and audit journal are sound. The matrix is documented in the README.
 */
@ChainHubIntegrationTest
class StepBoundaryFaultsIT extends WithdrawalScenarioSupport {

    /** Which way a withdrawal goes, and where it must end. */
    enum Path {
        AUTO("auto", "1000", "700", "COMPLETED"),
        APPROVED("standard", "5000", "2000", "COMPLETED"),
        REFUSED("standard", "5000", "2000", "REJECTED"),
        SANCTIONED("auto", "500", "500", "REJECTED"),
        EXPIRING("expiring", "300", "200", "EXPIRED");

        final String group;
        final String funds;
        final String amount;
        final String terminal;

        Path(String group, String funds, String amount, String terminal) {
            this.group = group;
            this.funds = funds;
            this.amount = amount;
            this.terminal = terminal;
        }

        boolean completes() {
            return terminal.equals("COMPLETED");
        }
    }

    /** The matrix: boundary → failing arrivals, each below the number of steps that surely reach it. */
    private static final Map<StepBoundary, int[]> MATRIX = new java.util.EnumMap<>(Map.ofEntries(
            Map.entry(FUNDS_HELD, new int[] {2, 9, 10, 23}),              // 37 requests; 9 and 10: the same request twice
            Map.entry(SCREENING_REPLY_APPLIED, new int[] {1, 6, 15, 30}), // 37 screening replies
            Map.entry(POLICY_DECIDED, new int[] {3, 12, 25}),             // 33 approved by screening
            Map.entry(APPROVAL_RECORDED, new int[] {2, 7, 13}),           // 6 x 2 approvals + 3 rejections
            Map.entry(CHAIN_COMMAND_QUEUED, new int[] {1, 8, 20}),        // 26 signing
            Map.entry(BROADCAST_APPLIED, new int[] {4, 11, 12, 22}),      // 26 broadcasts
            Map.entry(SETTLED, new int[] {2, 14, 24}),                    // 26 confirmations
            Map.entry(HOLD_RELEASED, new int[] {1, 5, 9}),                // 4 sanctioned + 3 refused + 4 expired
            Map.entry(APPROVAL_EXPIRED, new int[] {1, 3}),                // 4 expiries
            Map.entry(DEPOSIT_PENDING, new int[] {2, 5}),                 // 7 observed deposits
            Map.entry(DEPOSIT_CREDITED, new int[] {3, 17, 30}),           // 37 fundings + 4 confirmed
            Map.entry(DEPOSIT_REVERSED, new int[] {2}),                   // 3 reverted
            Map.entry(CONSUMED_BEFORE_OFFSET_COMMIT, new int[] {5, 40, 41, 77, 110}), // > 140 records consumed
            Map.entry(OUTBOX_BEFORE_KAFKA_COMMIT, new int[] {3, 50, 120}),            // > 160 messages published
            Map.entry(OUTBOX_BEFORE_MARK, new int[] {10, 60, 61, 140})));

    private static final Map<Path, Integer> PLAN = Map.of(Path.AUTO, 20, Path.APPROVED, 6, Path.REFUSED, 3,
            Path.SANCTIONED, 4, Path.EXPIRING, 4);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ArmedStepFaults faults;

    @AfterEach
    void disarm() {
        faults.disarm();
    }

    private record Case(Path path, String account, String token, String key, String destination) {
    }

    private record Deposit(String account, String token, TransferEvent observed, boolean confirms) {
    }

    @Test
    void shouldEndEverySagaOnceWhenEveryStepBoundaryFails() {
        MATRIX.forEach(faults::arm);

        // Given: one funded account per withdrawal (funding deposits cross the deposit boundaries too)
        List<Case> cases = fundedCases();
        List<Deposit> deposits = depositsObservedThenConfirmedOrReverted();

        // When: every withdrawal is requested; approvers act once it waits for them
        Map<String, Case> byId = new HashMap<>();
        for (Case c : cases) {
            byId.put(request(c), c);
        }
        actOnApprovals(byId);

        // Then: every saga ends where its path leads
        Awaitility.await("every withdrawal terminal").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> byId.forEach((id, c) -> assertThat(state(id)).as(() -> c.path() + " " + describe(id))
                        .isEqualTo(c.path().terminal)));
        Awaitility.await("every deposit settled").atMost(Duration.ofSeconds(60)).untilAsserted(() -> deposits.forEach(d ->
                assertThat(depositState(d.observed())).isEqualTo(d.confirms() ? "CREDITED" : "REVERSED")));
        Awaitility.await("outbox drained").atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.sql("SELECT count(*) FROM outbox_message WHERE published_at IS NULL").query(Long.class).single() == 0);

        // the matrix really ran: every armed failure fired
        Awaitility.await("every armed fault fired").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(fired()).containsExactlyInAnyOrderElementsOf(armed()));

        assertOneSignCommandPerCompletedWithdrawal(byId);
        assertMoneyMovedOnce(byId);
        assertNoStepAppliedTwice(byId.keySet());
        for (Case c : cases) {
            String available = c.path().completes()
                    ? new java.math.BigInteger(c.path().funds).subtract(new java.math.BigInteger(c.path().amount)).toString()
                    : c.path().funds;
            custody.awaitBalance(c.account(), c.token(), available, "0", "0");
        }
        assertDepositsMovedOnce(deposits);
        custody.assertLedgerSound();
        assertThat(api.get("/api/audit/verify", "viewer", "viewer").body().path("valid").asBoolean()).isTrue();
    }

    private List<Case> fundedCases() {
        List<Case> cases = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        PLAN.forEach((path, count) -> IntStream.range(0, count).forEach(i -> {
            String account = custody.account(path.group);
            String address = custody.depositAddress(account);
            String token = Custody.randomAddress();
            cases.add(new Case(path, account, token, UUID.randomUUID().toString(),
                    path == Path.SANCTIONED ? TestParticipants.SANCTIONED : Custody.randomAddress()));
            addresses.add(address);
        }));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Custody.publish(Custody.transfer(c.token(), addresses.get(i), c.path().funds, TransferStatus.CONFIRMED,
                    Custody.randomHash(), Custody.randomHash()));
        }
        cases.forEach(c -> custody.awaitBalance(c.account(), c.token(), c.path().funds, "0", "0"));
        return cases;
    }

    /** Seven deposits seen at 0 confirmations; four then confirmed, three removed by a reorg. */
    private List<Deposit> depositsObservedThenConfirmedOrReverted() {
        String account = custody.account("auto");
        String address = custody.depositAddress(account);
        String token = Custody.randomAddress();
        List<Deposit> deposits = IntStream.range(0, 7).mapToObj(i -> new Deposit(account, token,
                Custody.transfer(token, address, "10", TransferStatus.OBSERVED, Custody.randomHash(), Custody.randomHash()),
                i < 4)).toList();
        deposits.forEach(d -> Custody.publish(d.observed()));
        Awaitility.await("deposits pending").atMost(Duration.ofSeconds(60)).untilAsserted(() -> deposits.forEach(d ->
                assertThat(depositState(d.observed())).isEqualTo("PENDING")));
        for (Deposit d : deposits) {
            TransferEvent o = d.observed();
            Custody.publish(Custody.transfer(token, address, "10", d.confirms() ? TransferStatus.CONFIRMED : TransferStatus.REVERTED,
                    o.blockHash(), o.txHash()));
        }
        return deposits;
    }

    /** The client's side of a failed request: a 5xx is retried with the same Idempotency-Key. */
    private String request(Case c) {
        SagaApi.Answer started = retryingServerErrors(() -> api.post("/api/withdrawals", Map.of("accountId", c.account(),
                "chainId", Custody.CHAIN, "token", c.token(), "amount", c.path().amount, "destination", c.destination()),
                Map.of("Idempotency-Key", c.key()), "alice"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        return started.text("id");
    }

    private void actOnApprovals(Map<String, Case> byId) {
        byId.forEach((id, c) -> {
            if (c.path() == Path.APPROVED || c.path() == Path.REFUSED) {
                Awaitility.await(id + " awaiting approval").atMost(Duration.ofMinutes(2))
                        .untilAsserted(() -> assertThat(state(id)).as(() -> describe(id)).isEqualTo("AWAITING_APPROVAL"));
            }
            if (c.path() == Path.APPROVED) {
                approve(id, "approve", "bob");
                approve(id, "approve", "carol");
            } else if (c.path() == Path.REFUSED) {
                approve(id, "reject", "bob");
            }
        });
    }

    private void approve(String id, String action, String approver) {
        SagaApi.Answer answer = retryingServerErrors(() -> api.post("/api/withdrawals/" + id + "/" + action, null, approver));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private static SagaApi.Answer retryingServerErrors(Supplier<SagaApi.Answer> call) {
        SagaApi.Answer answer = call.get();
        for (int attempt = 1; answer.status() >= 500 && attempt < 5; attempt++) {
            answer = call.get();
        }
        return answer;
    }

    private void assertOneSignCommandPerCompletedWithdrawal(Map<String, Case> byId) {
        Map<String, Set<String>> signCommands = new HashMap<>();
        Set<String> otherActions = new HashSet<>();
        for (ConsumerRecord<String, String> record : readToEnd(Topics.CHAIN_GATEWAY_COMMANDS)) {
            if (!byId.containsKey(record.key())) {
                continue;
            }
            String ceId = CloudEventHeaders.read(record.headers()).map(CloudEvent::id).orElseThrow();
            ChainCommand command = EventJson.mapper().readValue(record.value(), ChainCommand.class);
            if (command.action() == ChainCommand.Action.SIGN_AND_BROADCAST) {
                signCommands.computeIfAbsent(record.key(), k -> new HashSet<>()).add(ceId);
            } else {
                otherActions.add(ceId);
            }
        }
        assertThat(otherActions).as("no rebroadcast was needed").isEmpty();
        byId.forEach((id, c) -> {
            int expected = c.path().completes() ? 1 : 0;
            assertThat(signCommands.getOrDefault(id, Set.of())).as("distinct sign commands of " + id).hasSize(expected);
            assertThat(TestParticipants.signatures(id)).as("signatures of " + id).isEqualTo(expected);
        });
    }

    /** Journal lines per saga and reason: each movement is one journal transaction of two lines, or none. */
    private void assertMoneyMovedOnce(Map<String, Case> byId) {
        Map<String, Map<String, Long>> lines = new HashMap<>();
        jdbc.sql("SELECT saga_id, reason, count(*) FROM journal_entry WHERE saga_id = ANY (?) GROUP BY saga_id, reason")
                .param(byId.keySet().toArray(String[]::new))
                .query((rs, n) -> lines.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        byId.forEach((id, c) -> assertThat(lines.get(id)).as("journal of " + c.path() + " " + id).isEqualTo(c.path().completes()
                ? Map.of("withdrawal.hold", 2L, "withdrawal.settle", 2L)
                : Map.of("withdrawal.hold", 2L, "withdrawal.release", 2L)));
    }

    /** A step replayed after its commit would show as a second identical transition in the timeline. */
    private void assertNoStepAppliedTwice(Set<String> ids) {
        List<String> repeated = jdbc.sql("""
                SELECT saga_id || ' ' || coalesce(from_state, '-') || ' -> ' || to_state || ' on ' || cause
                FROM saga_transition WHERE saga_id = ANY (?)
                GROUP BY saga_id, from_state, to_state, cause HAVING count(*) > 1""")
                .param(ids.toArray(String[]::new)).query(String.class).list();
        assertThat(repeated).isEmpty();
    }

    private void assertDepositsMovedOnce(List<Deposit> deposits) {
        for (Deposit d : deposits) {
            String id = d.observed().eventId() + "@" + d.observed().blockHash();
            Map<String, Long> lines = jdbc.sql("SELECT reason, count(*) FROM journal_entry WHERE saga_id = ? GROUP BY reason")
                    .param(id).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(lines).as(id).isEqualTo(d.confirms()
                    ? Map.of("deposit.pending", 2L, "deposit.credited", 2L)
                    : Map.of("deposit.pending", 2L, "deposit.reversed", 2L));
        }
        custody.awaitBalance(deposits.getFirst().account(), deposits.getFirst().token(), "40", "0", "0");
    }

    private Set<String> armed() {
        Set<String> armed = new HashSet<>();
        MATRIX.forEach((boundary, nth) -> IntStream.of(nth).forEach(n -> armed.add(boundary + "#" + n)));
        return armed;
    }

    private Set<String> fired() {
        return faults.fired().stream().map(f -> f.boundary() + "#" + f.arrival()).collect(Collectors.toSet());
    }

    private String state(String id) {
        return jdbc.sql("SELECT state FROM withdrawal WHERE id = ?::uuid").param(id).query(String.class).single();
    }

    /** What a stuck saga looks like from the database, for the failure message. */
    private String describe(String id) {
        return id + " timeline " + jdbc.sql("SELECT coalesce(string_agg(coalesce(from_state, '-') || '>' || to_state || ' on ' || cause, ', ' ORDER BY id), '') FROM saga_transition WHERE saga_id = ?")
                .param(id).query(String.class).single()
                + "; outbox " + jdbc.sql("SELECT coalesce(string_agg(message_id || (CASE WHEN published_at IS NULL THEN ' UNPUBLISHED' ELSE '' END), ', '), '') FROM outbox_message WHERE message_key = ?")
                .param(id).query(String.class).single()
                + "; inbox " + jdbc.sql("SELECT coalesce(string_agg(message_id, ', '), '') FROM inbox_message WHERE message_id LIKE ?")
                .param(id + "%").query(String.class).single()
                + "; fired " + faults.fired();
    }

    private String depositState(TransferEvent transfer) {
        return jdbc.sql("SELECT state FROM deposit WHERE id = ?").param(transfer.eventId() + "@" + transfer.blockHash())
                .query(String.class).optional().orElse("NONE");
    }

    /** Everything committed on {@code topic} so far, duplicates included. */
    private static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read " + topic + " to its end").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
