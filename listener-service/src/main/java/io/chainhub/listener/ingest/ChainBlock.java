package io.chainhub.listener.ingest;

import java.util.List;

import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** A block as fetched from the node: header, full transactions and every receipt (with logs). */
public record ChainBlock(EthBlock.Block block, List<TransactionReceipt> receipts) {

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
