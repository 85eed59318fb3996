package io.chainhub.analytics.aggregate;

import java.time.Instant;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;

/** Transfers and blocks as the listener publishes them, for topology tests. */
final class TransferFixtures {

    static final long CHAIN = 31337;
    static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    static final String CAROL = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

    private TransferFixtures() {
    }

    /** An ERC-20 (18 decimals) transfer observed in block {@code block} (hash derived from {@code fork}). */
    static TransferEvent observed(String txHash, int logIndex, long block, String fork, Instant time, String from,
            String to, String value) {
        return new TransferEvent(CHAIN + ":" + txHash + ":" + logIndex, TransferStatus.OBSERVED, CHAIN, block,
                blockHash(block, fork), time.getEpochSecond(), txHash, logIndex, TokenStandard.ERC20,
                new TokenRef(TOKEN, "DEMO", 18), from, to, value, null, 0);
    }

    static String blockHash(long block, String fork) {
        return "0x" + fork + Long.toHexString(block);
    }

    static String tx(int n) {
        return String.format("0x%064x", n);
    }
}
