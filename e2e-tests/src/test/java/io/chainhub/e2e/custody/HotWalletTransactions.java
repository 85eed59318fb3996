package io.chainhub.e2e.custody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;

/** What the chain itself says the gateway's hot wallet sent: every block scanned, no trust in the services. */
final class HotWalletTransactions {

    private HotWalletTransactions() {
    }

    /** Transactions sent by {@code wallet} in blocks {@code fromBlock} up to the head, in chain order. */
    static List<Transaction> sentBy(Web3j web3j, String wallet, long fromBlock) {
        try {
            long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            List<Transaction> sent = new ArrayList<>();
            for (long number = fromBlock; number <= head; number++) {
                EthBlock.Block block = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), true)
                        .send().getBlock();
                for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                    Transaction tx = (Transaction) result.get();
                    if (wallet.equalsIgnoreCase(tx.getFrom())) {
                        sent.add(tx);
                    }
                }
            }
            return sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wallet's mined nonce: how many transactions it ever got onto the chain. */
    static long nonce(Web3j web3j, String wallet) {
        try {
            return web3j.ethGetTransactionCount(wallet, DefaultBlockParameterName.LATEST).send().getTransactionCount()
                    .longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
