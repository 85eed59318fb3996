package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainhub.listener.rpc.ChainRpc;
import io.chainhub.listener.rpc.RpcException;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Reads blocks from a chain's nodes: one block with all its receipts when following the head, or a range
 * through batched headers, adaptive {@code eth_getLogs} and only the receipts that are needed when
 * catching up (see {@link #blocks(long, long)}).
 */
public final class BlockSource {

    /** Without a configured range (tests, tools): as wide as the default step. */
    private static final int DEFAULT_LOG_RANGE = 50;

    private final ChainRpc rpc;
    private final LogRange logRange;
    private final TransferLogSource logs;

    public BlockSource(ChainRpc rpc) {
        this(rpc, new LogRange(rpc.chainId(), DEFAULT_LOG_RANGE));
    }

    public BlockSource(ChainRpc rpc, LogRange logRange) {
        this.rpc = rpc;
        this.logRange = logRange;
        this.logs = new TransferLogSource(rpc, logRange);
    }

    public LogRange logRange() {
        return logRange;
    }

    public long head() {
        return Numeric.decodeQuantity(rpc.call("eth_blockNumber", node -> ChainRpc.result(node.ethBlockNumber().send())))
                .longValueExact();
    }

    public Optional<String> hashAt(long number) {
        return Optional.ofNullable(rpc.call("eth_getBlockByNumber",
                        node -> ChainRpc.result(node.ethGetBlockByNumber(param(number), false).send())))
                .map(EthBlock.Block::getHash);
    }

    /**
     * Header, transactions and receipts of one block in one JSON-RPC batch (the live path: one round trip per
     * new head). Receipts are asked by number, so a reorg between the two could pair them with another block:
     * they are checked against the header's hash.
     */
    public ChainBlock block(long number) {
        List<? extends Response<?>> responses = rpc.call("batch eth_getBlockByNumber+eth_getBlockReceipts", node -> {
            var batch = node.newBatch();
            batch.add(node.ethGetBlockByNumber(param(number), true));
            batch.add(node.ethGetBlockReceipts(param(number)));
            return batch.send().getResponses();
        });
        EthBlock.Block block = unwrap((EthBlock) responses.get(0));
        if (block == null) {
            throw new RpcException("block " + number + " not available yet");
        }
        List<TransactionReceipt> receipts = unwrap((EthGetBlockReceipts) responses.get(1));
        return checked(block, receipts == null ? List.of() : receipts);
    }

    /**
     * Blocks {@code from..to} for catching up, in three round trips whatever the range: (1) the headers with
     * transactions in one batch, (2) the transfer logs by {@code eth_getLogs} over adaptive ranges, (3) one
     * batch with the receipts that are still needed ({@link ReceiptPlan}) and the header of {@code to} again.
     * Headers are read before the logs and re-checked after them, and every log and receipt must carry its
     * header's hash, so a reorg during the read fails the step (which is retried) instead of mixing forks.
     */
    public List<ChainBlock> blocks(long from, long to) {
        if (from == to) {
            return List.of(block(from));
        }
        List<EthBlock.Block> headers = headers(from, to);
        Map<Long, List<Log>> logsByBlock = new HashMap<>();
        for (Log entry : logs.logs(from, to)) {
            logsByBlock.computeIfAbsent(entry.getBlockNumber().longValueExact(), number -> new ArrayList<>()).add(entry);
        }
        List<ReceiptPlan> plans = headers.stream()
                .map(header -> ReceiptPlan.of(header, logsByBlock.getOrDefault(header.getNumber().longValueExact(), List.of())))
                .toList();
        Map<String, List<TransactionReceipt>> receipts = receipts(plans, headers.getLast());
        List<ChainBlock> blocks = new ArrayList<>();
        for (ReceiptPlan plan : plans) {
            EthBlock.Block header = plan.header();
            List<Log> blockLogs = plan.logs();
            if (!blockLogs.stream().allMatch(entry -> header.getHash().equalsIgnoreCase(entry.getBlockHash()))) {
                throw new RpcException("logs of block " + header.getNumber() + " changed under us (reorg in progress)");
            }
            List<TransactionReceipt> blockReceipts = receipts.getOrDefault(header.getHash().toLowerCase(), List.of());
            if (!plan.coveredBy(blockReceipts)) {
                throw new RpcException("receipts of block " + header.getNumber() + " missing or changed (reorg in progress)");
            }
            blocks.add(checked(header, blockReceipts, blockLogs, plan.wholeBlock()));
        }
        return blocks;
    }

    private List<EthBlock.Block> headers(long from, long to) {
        List<? extends Response<?>> responses = rpc.call("batch eth_getBlockByNumber", node -> {
            var batch = node.newBatch();
            for (long number = from; number <= to; number++) {
                batch.add(node.ethGetBlockByNumber(param(number), true));
            }
            return batch.send().getResponses();
        });
        List<EthBlock.Block> headers = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            EthBlock.Block header = unwrap((EthBlock) responses.get(i));
            if (header == null) {
                throw new RpcException("block " + (from + i) + " not available yet");
            }
            if (!headers.isEmpty() && !headers.getLast().getHash().equalsIgnoreCase(header.getParentHash())) {
                throw new RpcException("block " + header.getNumber() + " does not extend its predecessor (reorg in progress)");
            }
            headers.add(header);
        }
        return headers;
    }

    /** Receipts by lower-case block hash: whole blocks where that is cheaper, single transactions otherwise. */
    private Map<String, List<TransactionReceipt>> receipts(List<ReceiptPlan> plans, EthBlock.Block last) {
        List<? extends Response<?>> responses = rpc.call("batch receipts", node -> {
            var batch = node.newBatch();
            batch.add(node.ethGetBlockByNumber(param(last.getNumber().longValueExact()), false));
            for (ReceiptPlan plan : plans) {
                if (plan.wholeBlock()) {
                    batch.add(node.ethGetBlockReceipts(param(plan.header().getNumber().longValueExact())));
                } else {
                    plan.transactions().forEach(hash -> batch.add(node.ethGetTransactionReceipt(hash)));
                }
            }
            return batch.send().getResponses();
        });
        EthBlock.Block lastAgain = unwrap((EthBlock) responses.getFirst());
        if (lastAgain == null || !last.getHash().equalsIgnoreCase(lastAgain.getHash())) {
            throw new RpcException("block " + last.getNumber() + " changed while its logs were read (reorg in progress)");
        }
        Map<String, List<TransactionReceipt>> byBlock = new HashMap<>();
        for (Response<?> response : responses.subList(1, responses.size())) {
            Object result = unwrap(response);
            List<TransactionReceipt> found = result == null ? List.of()
                    : response instanceof EthGetBlockReceipts ? castList(result) : List.of((TransactionReceipt) result);
            found.forEach(receipt -> byBlock.computeIfAbsent(receipt.getBlockHash().toLowerCase(), hash -> new ArrayList<>())
                    .add(receipt));
        }
        return byBlock;
    }

    @SuppressWarnings("unchecked")
    private static List<TransactionReceipt> castList(Object result) {
        return (List<TransactionReceipt>) result;
    }

    private static <T> T unwrap(Response<T> response) {
        if (response.hasError()) {
            throw new RpcException("JSON-RPC error " + response.getError().getCode() + ": " + response.getError().getMessage());
        }
        return response.getResult();
    }

    private static ChainBlock checked(EthBlock.Block block, List<TransactionReceipt> receipts) {
        if (receipts.size() != block.getTransactions().size()) {
            throw new RpcException("receipts of block " + block.getNumber() + " changed under us (reorg in progress)");
        }
        return checked(block, receipts, null, true);
    }

    /** {@code logs} null: the receipts' own logs. {@code complete}: one receipt per transaction is expected. */
    private static ChainBlock checked(EthBlock.Block block, List<TransactionReceipt> receipts, List<Log> logs, boolean complete) {
        boolean consistent = receipts.stream().allMatch(receipt -> block.getHash().equalsIgnoreCase(receipt.getBlockHash()));
        if (!consistent || (complete && receipts.size() != block.getTransactions().size())) {
            throw new RpcException("receipts of block " + block.getNumber() + " changed under us (reorg in progress)");
        }
        return logs == null ? new ChainBlock(block, receipts) : new ChainBlock(block, receipts, logs);
    }

    private static DefaultBlockParameter param(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
