package io.chainhub.devchain;

import java.util.List;

import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** A mined, successful transaction: where it landed, plus the full receipt for its logs. */
public record TxResult(String txHash, long blockNumber, String blockHash, TransactionReceipt receipt) {

    static TxResult of(TransactionReceipt receipt) {
        return new TxResult(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
                receipt.getBlockHash(), receipt);
    }

    public List<Log> logs() {
        return receipt.getLogs();
    }

    /** Address of the deployed contract, or null when the transaction was not a deployment. */
    public String contractAddress() {
        return receipt.getContractAddress();
    }
}
