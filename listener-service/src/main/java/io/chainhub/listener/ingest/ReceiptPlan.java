package io.chainhub.listener.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Which receipts a block read through {@code eth_getLogs} still needs. A transaction with a transfer log
 * succeeded (reverted ones emit none); every other one needs its receipt, for the status of a native value
 * transfer and for the block's failed count, and so does a contract creation carrying value (its recipient
 * is the receipt's contract address). When those are more than half of the block, one
 * {@code eth_getBlockReceipts} is cheaper than that many {@code eth_getTransactionReceipt}.
 *
 * @param transactions hashes of the transactions whose receipt is needed
 * @param wholeBlock   ask for all receipts of the block in one call
 */
record ReceiptPlan(EthBlock.Block header, List<Log> logs, List<String> transactions, boolean wholeBlock) {

    static ReceiptPlan of(EthBlock.Block header, List<Log> logs) {
        Set<String> logged = new HashSet<>();
        logs.forEach(entry -> logged.add(entry.getTransactionHash().toLowerCase()));
        List<String> needed = header.getTransactions().stream()
                .map(result -> (EthBlock.TransactionObject) result.get())
                .filter(tx -> !logged.contains(tx.getHash().toLowerCase()) || createsWithValue(tx))
                .map(EthBlock.TransactionObject::getHash)
                .toList();
        boolean wholeBlock = !needed.isEmpty() && needed.size() * 2 > header.getTransactions().size();
        return new ReceiptPlan(header, logs, needed, wholeBlock);
    }

    /** Every needed transaction has its receipt among {@code receipts} (all of the block's, or the single ones). */
    boolean coveredBy(List<TransactionReceipt> receipts) {
        Set<String> found = new HashSet<>();
        receipts.forEach(receipt -> found.add(receipt.getTransactionHash().toLowerCase()));
        return transactions.stream().allMatch(hash -> found.contains(hash.toLowerCase()));
    }

    private static boolean createsWithValue(EthBlock.TransactionObject tx) {
        return tx.getTo() == null && tx.getValue() != null && tx.getValue().signum() > 0;
    }
}
