package io.chainhub.listener.gateway;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chainhub.events.custody.ChainCommand;
import io.chainhub.events.custody.ChainReply;
import io.chainhub.events.custody.ChainReply.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs each withdrawal exactly once (the signed bytes are committed to PostgreSQL before the first
 * broadcast), broadcasts and rebroadcasts those same bytes, and follows receipts to report
 * confirmations and reorgs. Replies are returned to the caller, who publishes them.
 */
final class ChainGateway {

    private static final Logger log = LoggerFactory.getLogger(ChainGateway.class);

    private final GatewayProperties properties;
    private final Signer signer;
    private final Web3j web3j;
    private final GatewayStore store;
    private final TransactionTemplate transactions;

    ChainGateway(GatewayProperties properties, Signer signer, Web3j web3j, GatewayStore store, TransactionTemplate transactions) {
        this.properties = properties;
        this.signer = signer;
        this.web3j = web3j;
        this.store = store;
        this.transactions = transactions;
    }

    String hotWallet() {
        return signer.address();
    }

    /** Answers a command; an I/O failure throws so the command is retried later. */
    List<ChainReply> handle(ChainCommand command) throws IOException {
        if (command.chainId() != properties.chainId()) {
            return List.of(reply(command.withdrawalId(), Outcome.FAILED, null, null, null, 0,
                    "gateway serves chain " + properties.chainId() + ", not " + command.chainId(), ":failed:chain"));
        }
        GatewayTx tx = store.find(command.withdrawalId()).orElse(null);
        if (tx == null) {
            tx = signOnce(command);
        }
        return switch (tx.state()) {
            case "CONFIRMED" -> List.of(confirmed(tx, tx.blockNumber(), tx.blockHash(), tx.confirmations()));
            case "FAILED" -> List.of(failed(tx, "transaction failed earlier"));
            default -> broadcast(tx);
        };
    }

    private GatewayTx signOnce(ChainCommand command) throws IOException {
        BigInteger gasPrice = gasPrice();
        BigInteger chainPending = web3j.ethGetTransactionCount(signer.address(), DefaultBlockParameterName.PENDING)
                .send().getTransactionCount();
        return transactions.execute(status -> {
            Optional<GatewayTx> existing = store.find(command.withdrawalId());
            if (existing.isPresent()) {
                return existing.get();
            }
            long nonce = store.reserveNonce(properties.chainId(), signer.address(), chainPending::longValue);
            RawTransaction raw = command.token() == null
                    ? RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce), gasPrice, properties.nativeGasLimit(),
                            command.destination(), new BigInteger(command.amount()))
                    : RawTransaction.createTransaction(BigInteger.valueOf(nonce), gasPrice, properties.tokenGasLimit(),
                            command.token(), FunctionEncoder.encode(new Function("transfer",
                                    List.of(new Address(command.destination()), new Uint256(new BigInteger(command.amount()))),
                                    List.of())));
            byte[] signed = signer.sign(raw, properties.chainId());
            GatewayTx tx = new GatewayTx(command.withdrawalId(), properties.chainId(), signer.address(), nonce,
                    Numeric.toHexString(Hash.sha3(signed)), Numeric.toHexString(signed), command.confirmations(), "SIGNED",
                    null, null);
            store.insert(tx);
            log.info("signed withdrawal {} as {} (nonce {})", tx.withdrawalId(), tx.txHash(), nonce);
            return tx;
        });
    }

    private BigInteger gasPrice() throws IOException {
        EthBlock.Block latest = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
        BigInteger baseFee = latest == null || latest.getBaseFeePerGasRaw() == null ? null : latest.getBaseFeePerGas();
        if (baseFee == null) {
            return properties.gasPricing().price(null, null, web3j.ethGasPrice().send().getGasPrice());
        }
        EthMaxPriorityFeePerGas tip = web3j.ethMaxPriorityFeePerGas().send();
        return properties.gasPricing().price(baseFee, tip.hasError() ? null : tip.getMaxPriorityFeePerGas(), null);
    }

    private List<ChainReply> broadcast(GatewayTx tx) throws IOException {
        EthSendTransaction sent = web3j.ethSendRawTransaction(tx.rawTx()).send();
        if (sent.hasError() && !known(tx)) {
            String reason = sent.getError().getMessage();
            if ("SIGNED".equals(tx.state())) {
                // the node refused it and never had it: it cannot be mined, the saga may compensate
                transactions.executeWithoutResult(status -> {
                    store.state(tx.withdrawalId(), "FAILED", null, null);
                    store.returnNonce(tx.chainId(), tx.fromAddress(), tx.nonce());
                });
                return List.of(failed(tx, reason));
            }
            log.warn("rebroadcast of {} refused: {}", tx.txHash(), reason);
            return List.of();
        }
        if ("SIGNED".equals(tx.state())) {
            recordState(tx, "BROADCAST", null, null);
        }
        return List.of(reply(tx.withdrawalId(), Outcome.BROADCAST, tx.txHash(), null, null, 0, null,
                ":broadcast:" + tx.txHash()));
    }

    private boolean known(GatewayTx tx) throws IOException {
        return web3j.ethGetTransactionByHash(tx.txHash()).send().getTransaction().isPresent();
    }

    /**
     * Replies about broadcast transactions, and the state to record once those replies are on Kafka. Recording
     * CONFIRMED or FAILED first would lose the reply to a crash before the Kafka commit: the transaction would no
     * longer be open, so nothing would send it again and the saga would wait in CONFIRMING. The other way round a
     * crash only repeats a reply, with the same id, which the orchestrator's inbox drops.
     */
    record Tracking(List<ChainReply> replies, List<Runnable> afterSent) {

        static final Tracking NONE = new Tracking(List.of(), List.of());

        void recordSent() {
            afterSent.forEach(Runnable::run);
        }
    }

    /** Follows broadcast transactions: CONFIRMED at depth, DROPPED (and rebroadcast) when a reorg removed them. */
    Tracking track() throws IOException {
        List<GatewayTx> open = store.open();
        if (open.isEmpty()) {
            return Tracking.NONE;
        }
        List<ChainReply> replies = new ArrayList<>();
        List<Runnable> afterSent = new ArrayList<>();
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValue();
        for (GatewayTx tx : open) {
            if (!"BROADCAST".equals(tx.state())) {
                continue;
            }
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(tx.txHash()).send().getTransactionReceipt();
            if (tx.blockHash() != null && (receipt.isEmpty() || !receipt.get().getBlockHash().equals(tx.blockHash()))) {
                replies.add(reply(tx.withdrawalId(), Outcome.DROPPED, tx.txHash(), tx.blockNumber(), tx.blockHash(), 0,
                        "block " + tx.blockHash() + " left the canonical chain", ":dropped:" + tx.blockHash()));
                afterSent.add(() -> recordState(tx, "BROADCAST", null, null));
                web3j.ethSendRawTransaction(tx.rawTx()).send(); // same bytes; "already known" is fine
                continue;
            }
            if (receipt.isEmpty()) {
                continue;
            }
            long blockNumber = receipt.get().getBlockNumber().longValue();
            String blockHash = receipt.get().getBlockHash();
            long depth = head - blockNumber;
            if (!receipt.get().isStatusOK()) {
                replies.add(failed(tx, "reverted on chain in block " + blockHash));
                afterSent.add(() -> recordState(tx, "FAILED", blockNumber, blockHash));
            } else if (depth >= tx.confirmations()) {
                replies.add(confirmed(tx, blockNumber, blockHash, depth));
                afterSent.add(() -> recordState(tx, "CONFIRMED", blockNumber, blockHash));
            } else if (!blockHash.equals(tx.blockHash())) {
                recordState(tx, "BROADCAST", blockNumber, blockHash);
            }
        }
        return new Tracking(replies, afterSent);
    }

    private void recordState(GatewayTx tx, String state, Long blockNumber, String blockHash) {
        transactions.executeWithoutResult(status -> store.state(tx.withdrawalId(), state, blockNumber, blockHash));
    }

    private ChainReply confirmed(GatewayTx tx, Long blockNumber, String blockHash, long depth) {
        return reply(tx.withdrawalId(), Outcome.CONFIRMED, tx.txHash(), blockNumber, blockHash, depth, null,
                ":confirmed:" + blockHash);
    }

    private ChainReply failed(GatewayTx tx, String reason) {
        return reply(tx.withdrawalId(), Outcome.FAILED, tx.txHash(), null, null, 0, reason, ":failed:" + tx.txHash());
    }

    private static ChainReply reply(String withdrawalId, Outcome outcome, String txHash, Long blockNumber, String blockHash,
                                    long confirmations, String reason, String idSuffix) {
        return new ChainReply(withdrawalId + idSuffix, withdrawalId, outcome, txHash, blockNumber, blockHash, confirmations,
                reason, Instant.now());
    }
}
