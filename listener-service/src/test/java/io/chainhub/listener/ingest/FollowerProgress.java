package io.chainhub.listener.ingest;

import java.time.Duration;

import io.chainhub.devchain.DevChain;

import static org.awaitility.Awaitility.await;

/**
 * A follower without a checkpoint starts at the head it reads when its thread gets going, a moment after
 * the Spring context reports started. A test that makes transfers before that moment would see them
 * skipped, so it waits here until the follower has processed the chain's current head.
 */
public final class FollowerProgress {

    private static final long ANVIL_CHAIN_ID = 31337;

    private FollowerProgress() {
    }

    public static void awaitCaughtUp(ChainFollowers followers, DevChain chain, Duration timeout) {
        long head = chain.blockNumber();
        await("follower of chain " + ANVIL_CHAIN_ID + " past block " + head).atMost(timeout)
                .until(() -> followers.statuses().containsKey(ANVIL_CHAIN_ID)
                        && followers.statuses().get(ANVIL_CHAIN_ID).lastProcessed() >= head);
    }
}
