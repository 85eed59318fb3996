package io.chainhub.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainhub.devchain.DevChain;
import org.awaitility.Awaitility;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/**
 * The baseline: what the chain alone does with the same N native transfers. Signed in the test as the
 * gateway signs (legacy transaction, twice the node's gas price at the start, 21,000 gas, one
 * wallet, consecutive nonces), sent straight to anvil by the same number of clients, and timed until each
 * is two blocks deep, read from the blocks themselves.
 */
final class RawTransfers {

    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(21_000);

    private final DevChain chain;
    private final Credentials sender;

    RawTransfers(DevChain chain, Credentials sender) {
        this.chain = chain;
        this.sender = sender;
    }

    /** Sends {@code destinations.size()} transfers and returns when every one has {@code confirmations}. */
    Run run(List<String> destinations, BigInteger wei, int clients, int confirmations, Progress progress) {
        int n = destinations.size();
        Instant start = Instant.now();
        List<String> signed = sign(destinations, wei);
        Map<String, Integer> indexByHash = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexByHash.put(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(signed.get(i)))), i);
        }
        Instant[] sent = new Instant[n];
        Instant[] confirmed = new Instant[n];
        long[] includedIn = new long[n];
        long firstBlock = chain.blockNumber() + 1;
        AtomicInteger next = new AtomicInteger();
        Queue<Exception> refused = new ConcurrentLinkedQueue<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                senders.submit(() -> {
                    // clients take the transactions in nonce order, so a gap in the pool lasts a moment only
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        sent[i] = Instant.now();
                        try {
                            send(signed.get(i));
                        } catch (IOException | RuntimeException e) {
                            refused.add(e);
                        }
                    }
                });
            }
            BlockFollower blocks = new BlockFollower(firstBlock);
            Awaitility.await("raw transfers " + confirmations + " blocks deep").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        if (!refused.isEmpty()) {
                            throw new AssertionError("raw transfer not sent", refused.peek());
                        }
                        blocks.follow(indexByHash, includedIn);
                        Instant now = Instant.now();
                        int done = 0;
                        for (int i = 0; i < n; i++) {
                            if (confirmed[i] == null && includedIn[i] > 0 && blocks.head - includedIn[i] >= confirmations) {
                                confirmed[i] = now;
                            }
                            done += confirmed[i] == null ? 0 : 1;
                        }
                        progress.report(done, n);
                        return done == n;
                    });
        }
        return new Run(start, List.of(sent), List.of(confirmed));
    }

    /** Send instants and the instants each transfer was seen at depth, by index. */
    record Run(Instant start, List<Instant> sent, List<Instant> confirmed) {
    }

    private List<String> sign(List<String> destinations, BigInteger wei) {
        try {
            BigInteger nonce = chain.web3j().ethGetTransactionCount(sender.getAddress(), DefaultBlockParameterName.PENDING).send()
                    .getTransactionCount();
            // all N signed up front at one price, about what the gateway pays (2 x base fee + a tip)
            BigInteger gasPrice = chain.web3j().ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
            List<String> signed = new ArrayList<>();
            for (String to : destinations) {
                RawTransaction tx = RawTransaction.createEtherTransaction(nonce, gasPrice, GAS_LIMIT, to, wei);
                signed.add(Numeric.toHexString(TransactionEncoder.signMessage(tx, chain.chainId(), sender)));
                nonce = nonce.add(BigInteger.ONE);
            }
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String rawTx) throws IOException {
        EthSendTransaction answer = chain.web3j().ethSendRawTransaction(rawTx).send();
        if (answer.hasError()) {
            throw new IllegalStateException("anvil refused a raw transfer: " + answer.getError().getMessage());
        }
    }

    /** Reads each new block once and notes in which block each of our transactions landed. */
    private final class BlockFollower {
        private long nextBlock;
        private long head;

        BlockFollower(long firstBlock) {
            this.nextBlock = firstBlock;
        }

        void follow(Map<String, Integer> indexByHash, long[] includedIn) throws IOException {
            head = chain.blockNumber();
            for (; nextBlock <= head; nextBlock++) {
                EthBlock.Block block = chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(nextBlock)),
                        false).send().getBlock();
                for (EthBlock.TransactionResult<?> hash : block.getTransactions()) {
                    Integer index = indexByHash.get(((String) hash.get()).toLowerCase());
                    if (index != null) {
                        includedIn[index] = nextBlock;
                    }
                }
            }
        }
    }
}
