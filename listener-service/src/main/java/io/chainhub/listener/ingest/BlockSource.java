package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.chainhub.listener.rpc.ChainRpc;
import io.chainhub.listener.rpc.RpcException;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
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
        List<TransactionReceipt> safe = receipts == null ? List.of() : receipts;
        boolean consistent = safe.stream().allMatch(receipt -> block.getHash().equalsIgnoreCase(receipt.getBlockHash()));
        if (!consistent || safe.size() != block.getTransactions().size()) {
            throw new RpcException("receipts of block " + number + " changed under us (reorg in progress)");
        }
        return new ChainBlock(block, safe);
    }

    private static DefaultBlockParameter param(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
