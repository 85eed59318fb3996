package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chainhub.listener.rpc.ChainRpc;
import io.chainhub.listener.rpc.RpcException;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Reads blocks with their receipts from a chain's nodes. */
public final class BlockSource {

    private final ChainRpc rpc;

    public BlockSource(ChainRpc rpc) {
        this.rpc = rpc;
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
     * Header, transactions and receipts of one block. Receipts are asked by number, so a reorg between the
     * two calls could pair them with another block: they are checked against the header's hash.
     */
    public ChainBlock block(long number) {
        EthBlock.Block block = rpc.call("eth_getBlockByNumber",
                node -> ChainRpc.result(node.ethGetBlockByNumber(param(number), true).send()));
        if (block == null) {
            throw new RpcException("block " + number + " not available yet");
        }
        List<TransactionReceipt> receipts = rpc.call("eth_getBlockReceipts",
                node -> ChainRpc.result(node.ethGetBlockReceipts(param(number)).send()));
        return checked(block, receipts == null ? List.of() : receipts);
    }

    /**
     * Blocks {@code from..to} with receipts in one JSON-RPC batch (headers and receipts side by side), for
     * catching up: one round trip instead of two per block. Each block is checked as in {@link #block(long)}.
     */
    public List<ChainBlock> blocks(long from, long to) {
        if (from == to) {
            return List.of(block(from));
        }
        List<? extends Response<?>> responses = rpc.call("batch eth_getBlockByNumber+eth_getBlockReceipts", node -> {
            BatchRequest batch = node.newBatch();
            for (long number = from; number <= to; number++) {
                batch.add(node.ethGetBlockByNumber(param(number), true));
                batch.add(node.ethGetBlockReceipts(param(number)));
            }
            return batch.send().getResponses();
        });
        List<ChainBlock> blocks = new ArrayList<>();
        for (int i = 0; i < responses.size(); i += 2) {
            EthBlock.Block block = ((EthBlock) responses.get(i)).getBlock();
            List<TransactionReceipt> receipts = ((EthGetBlockReceipts) responses.get(i + 1)).getBlockReceipts().orElse(List.of());
            if (block == null) {
                throw new RpcException("block " + (from + i / 2) + " not available yet");
            }
            blocks.add(checked(block, receipts));
        }
        return blocks;
    }

    private static ChainBlock checked(EthBlock.Block block, List<TransactionReceipt> receipts) {
        boolean consistent = receipts.stream().allMatch(receipt -> block.getHash().equalsIgnoreCase(receipt.getBlockHash()));
        if (!consistent || receipts.size() != block.getTransactions().size()) {
            throw new RpcException("receipts of block " + block.getNumber() + " changed under us (reorg in progress)");
        }
        return new ChainBlock(block, receipts);
    }

    private static DefaultBlockParameter param(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
