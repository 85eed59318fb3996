package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.block.BlockStatus;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Summarises a block for {@code chain-blocks}: counts, gas and effective gas price percentiles. */
public final class BlockSummarizer {

    private final long chainId;

    public BlockSummarizer(long chainId) {
        this.chainId = chainId;
    }

    /**
     * Failed transactions are counted from the receipts, which cover every transaction whose success no log
     * proves (see {@link ChainBlock#receipts()}). Gas prices come from a receipt when there is one, else from
     * the transaction and the base fee, by the same rule the node applies.
     */
    public BlockEvent summarize(ChainBlock chainBlock) {
        EthBlock.Block block = chainBlock.block();
        Map<String, TransactionReceipt> receipts = new HashMap<>();
        chainBlock.receipts().forEach(receipt -> receipts.put(receipt.getTransactionHash(), receipt));
        List<BigInteger> prices = block.getTransactions().stream()
                .map(result -> (EthBlock.TransactionObject) result.get())
                .map(tx -> receipts.containsKey(tx.getHash())
                        ? effectiveGasPrice(receipts.get(tx.getHash())) : effectiveGasPrice(tx, block))
                .filter(price -> price != null)
                .sorted()
                .toList();
        int failed = (int) chainBlock.receipts().stream().filter(receipt -> !receipt.isStatusOK()).count();
        return new BlockEvent(chainId, chainBlock.number(), block.getHash(), block.getParentHash(),
                block.getTimestamp().longValueExact(), BlockStatus.OBSERVED, block.getTransactions().size(), failed,
                string(block.getGasUsed()), string(block.getGasLimit()), baseFee(block),
                percentile(prices, 50), percentile(prices, 90));
    }

    /** Nearest-rank percentile; null for a block without transactions. */
    static String percentile(List<BigInteger> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1).toString();
    }

    private static BigInteger effectiveGasPrice(TransactionReceipt receipt) {
        String price = receipt.getEffectiveGasPrice();
        return price == null ? null : new BigInteger(price.startsWith("0x") ? price.substring(2) : price, 16);
    }

    /** EIP-1559: min(maxFeePerGas, baseFee + maxPriorityFeePerGas); legacy transactions pay their gas price. */
    static BigInteger effectiveGasPrice(EthBlock.TransactionObject tx, EthBlock.Block block) {
        if (tx.getMaxFeePerGasRaw() == null || block.getBaseFeePerGasRaw() == null) {
            return tx.getGasPriceRaw() == null ? null : tx.getGasPrice();
        }
        BigInteger tip = tx.getMaxPriorityFeePerGasRaw() == null ? BigInteger.ZERO : tx.getMaxPriorityFeePerGas();
        return tx.getMaxFeePerGas().min(block.getBaseFeePerGas().add(tip));
    }

    private static String baseFee(EthBlock.Block block) {
        return block.getBaseFeePerGasRaw() == null ? null : string(block.getBaseFeePerGas());
    }

    private static String string(BigInteger value) {
        return value == null ? null : value.toString();
    }
}
