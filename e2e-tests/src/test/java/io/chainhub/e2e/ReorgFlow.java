package io.chainhub.e2e;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.devchain.CompiledContract;
import io.chainhub.devchain.DevChain;
import io.chainhub.devchain.TxResult;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * A fresh ERC-20 on anvil, deployed by a fresh sender, and transfers of known values from that sender, laid
 * down so that one {@code anvil_reorg} can take every one of them away again. A token and a sender of their
 * own keep the analytics figures and the fraud alerts of this flow apart from everything else on the chain.
 * The deployment's mint (zero address → sender, the whole supply) is the flow's first transfer.
 */
final class ReorgFlow {

    /** Gas money set by anvil, so that no funding transfer of ours shows up in the sender's history. */
    private static final BigInteger GAS_MONEY = BigInteger.TEN.pow(19);

    private final DevChain chain;
    private final Credentials sender;
    private final String token;
    private final long deploymentBlock;
    private final List<Made> transfers = new ArrayList<>();

    /** One transfer of the flow as made on chain. */
    record Made(String txHash, String to, BigInteger value) {
    }

    private ReorgFlow(DevChain chain, Credentials sender, TxResult deployment, BigInteger supply) {
        this.chain = chain;
        this.sender = sender;
        this.token = deployment.contractAddress();
        this.deploymentBlock = deployment.blockNumber();
        transfers.add(new Made(deployment.txHash(), sender.getAddress(), supply));
    }

    /** Deploys DemoToken (6 decimals) with {@code supply} base units minted to a new sender. */
    static ReorgFlow deployToken(DevChain chain, BigInteger supply) throws GeneralSecurityException {
        Credentials sender = Credentials.create(Keys.createEcKeyPair());
        chain.rpc("anvil_setBalance", sender.getAddress(), "0x" + GAS_MONEY.toString(16));
        TxResult deployment = chain.deploy(sender, CompiledContract.load("DemoToken"), new Uint256(supply));
        return new ReorgFlow(chain, sender, deployment, supply);
    }

    /** Sends {@code value} base units of the token from the sender to {@code to}; anvil mines it in a block of its own. */
    TxResult transfer(String to, BigInteger value) {
        TxResult tx = chain.transferErc20(sender, token, to, value);
        transfers.add(new Made(tx.txHash(), to.toLowerCase(), value));
        return tx;
    }

    /**
     * Replaces every block from the deployment's up to the head with an empty one of the same height
     * ({@code anvil_reorg}; the transactions are dropped, not re-included) and mines one block on top, so the
     * new branch is also longer. Returns the reorg's depth.
     */
    int reorgAway() {
        int depth = Math.toIntExact(chain.blockNumber() - deploymentBlock + 1);
        chain.reorg(depth);
        chain.mine(1);
        return depth;
    }

    /** Lowercase, as events and alerts carry it. */
    String sender() {
        return sender.getAddress().toLowerCase();
    }

    String token() {
        return token.toLowerCase();
    }

    List<Made> transfers() {
        return List.copyOf(transfers);
    }

    /** {@code token-transfers} keys of the flow's transactions ({@code chainId:txHash}). */
    List<String> transferKeys() {
        return transfers.stream().map(made -> chain.chainId() + ":" + made.txHash()).toList();
    }

    BigInteger volume() {
        return transfers.stream().map(Made::value).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
