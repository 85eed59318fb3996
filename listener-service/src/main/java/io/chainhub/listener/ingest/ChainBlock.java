package io.chainhub.listener.ingest;

import java.util.List;

import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A block as fetched from the node: header with full transactions, the receipts that were needed and the
 * block's transfer logs.
 *
 * @param receipts every receipt (live path, {@code eth_getBlockReceipts}) or, while catching up through
 *                 {@code eth_getLogs}, at least those of the transactions whose success no log proves
 *                 (a reverted transaction emits no log): enough for native transfers and failed counts
 * @param logs     the block's logs in log index order (all logs, or only transfer topics from {@code eth_getLogs})
 */
public record ChainBlock(EthBlock.Block block, List<TransactionReceipt> receipts, List<Log> logs) {

    /** A block with all its receipts: the logs are theirs. */
    public ChainBlock(EthBlock.Block block, List<TransactionReceipt> receipts) {
        this(block, receipts, receipts.stream().flatMap(receipt -> receipt.getLogs().stream()).toList());
    }

    public long number() {
        return block.getNumber().longValueExact();
    }

    public String hash() {
        return block.getHash();
    }

    public String parentHash() {
        return block.getParentHash();
    }

    BlockRef ref() {
        return new BlockRef(number(), hash(), parentHash());
    }
}
