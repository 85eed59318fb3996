package io.chainhub.analytics;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;

/**
 * Transfers of a fresh token (a random contract address) on the test chain, all in blocks stamped
 * {@code blockTime}: the ITs that publish to the shared broker each count their own token.
 */
public final class TokenTransfers {

    public static final long CHAIN = 31337;
    public static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    public static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    public static final String CAROL = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

    private final String token;
    private final Instant blockTime;

    public TokenTransfers(Instant blockTime) {
        byte[] address = new byte[20];
        ThreadLocalRandom.current().nextBytes(address);
        this.token = "0x" + HexFormat.of().formatHex(address);
        this.blockTime = blockTime;
    }

    public String token() {
        return token;
    }

    /** Transfer {@code n} of this token, OBSERVED in block 1000 + n. */
    public TransferEvent observed(int n, String from, String to, String value) {
        String txHash = "0x" + token.substring(2) + String.format("%024x", n);
        long block = 1000 + n;
        return new TransferEvent(CHAIN + ":" + txHash + ":0", TransferStatus.OBSERVED, CHAIN, block,
                "0xb" + Long.toHexString(block) + token.substring(2, 12), blockTime.getEpochSecond(), txHash, 0,
                TokenStandard.ERC20, new TokenRef(token, "TST", 18), from, to, value, null, 0);
    }
}
