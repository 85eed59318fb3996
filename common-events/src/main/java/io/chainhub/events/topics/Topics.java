package io.chainhub.events.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.chainhub.events.topics.TopicSpec.Cleanup.COMPACT;
import static io.chainhub.events.topics.TopicSpec.Cleanup.DELETE;

/**
 * The topic catalog: every topic ChainHub writes, with its key, partitioning, retention and owner.
 * The local stack and the tests create topics from this list; the README table mirrors it.
 */
public final class Topics {

    public static final String TOKEN_TRANSFERS = "token-transfers";
    public static final String CHAIN_BLOCKS = "chain-blocks";
    public static final String FRAUD_ALERTS = "fraud-alerts";
    public static final String CUSTODY_EVENTS = "custody-events";
    public static final String TRANSFER_REPLAY = "token-transfers-replay";
    public static final String SCREENING_COMMANDS = "custody-screening-commands";
    public static final String SCREENING_REPLIES = "custody-screening-replies";
    public static final String CHAIN_GATEWAY_COMMANDS = "custody-chain-commands";
    public static final String CHAIN_GATEWAY_REPLIES = "custody-chain-replies";
    public static final String LISTENER_CHECKPOINTS = "listener-checkpoints";
    public static final String FRAUD_RULE_HITS = "fraud-rule-hits";
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    private static final List<TopicSpec> MAIN = List.of(
            new TopicSpec(TOKEN_TRANSFERS, "chainId:txHash", 6, DELETE, MONTH, "listener-service",
                    "one event per transfer and status change"),
            new TopicSpec(CHAIN_BLOCKS, "chainId", 3, DELETE, MONTH, "listener-service",
                    "one summary per block and status change"),
            new TopicSpec(FRAUD_ALERTS, "subject address", 3, DELETE, MONTH, "fraud-service",
                    "alert raised / updated / retracted"),
            new TopicSpec(CUSTODY_EVENTS, "saga or account id", 3, DELETE, MONTH, "saga-orchestrator",
                    "lifecycle of deposits and withdrawals"),
            new TopicSpec(TRANSFER_REPLAY, "chainId:txHash", 3, DELETE, WEEK, "listener-service",
                    "default target of POST /api/chains/{chainId}/replay"),
            new TopicSpec(SCREENING_COMMANDS, "withdrawal id", 3, DELETE, WEEK, "saga-orchestrator",
                    "screen a withdrawal (answered by fraud-service)"),
            new TopicSpec(SCREENING_REPLIES, "withdrawal id", 3, DELETE, WEEK, "fraud-service",
                    "APPROVE / REVIEW / REJECT with reasons"),
            new TopicSpec(CHAIN_GATEWAY_COMMANDS, "withdrawal id", 3, DELETE, WEEK, "saga-orchestrator",
                    "sign and broadcast a withdrawal (answered by listener-service)"),
            new TopicSpec(CHAIN_GATEWAY_REPLIES, "withdrawal id", 3, DELETE, WEEK, "listener-service",
                    "broadcast, confirmations, dropped by reorg"),
            new TopicSpec(FRAUD_RULE_HITS, "rule id", 3, DELETE, MONTH, "fraud-service",
                    "every rule hit (ACTIVE and SHADOW), for rule statistics"),
            new TopicSpec(LISTENER_CHECKPOINTS, "chainId", 1, COMPACT, null, "listener-service",
                    "listener progress, committed in the same Kafka transaction as each block's events"));

    private Topics() {
    }

    /** The main topics (without dead-letter topics). */
    public static List<TopicSpec> main() {
        return MAIN;
    }

    /** Main topics followed by one dead-letter topic per main topic (1 partition, long retention). */
    public static List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>(MAIN);
        for (TopicSpec spec : MAIN) {
            all.add(new TopicSpec(spec.deadLetterTopic(), spec.key(), 1, DELETE, MONTH, "any consumer",
                    "records consumers of " + spec.name() + " could not process; reason in headers"));
        }
        return List.copyOf(all);
    }

    public static Optional<TopicSpec> byName(String name) {
        return all().stream().filter(spec -> spec.name().equals(name)).findFirst();
    }
}
