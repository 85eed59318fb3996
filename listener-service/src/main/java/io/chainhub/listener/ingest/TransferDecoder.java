package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Turns one block into its transfers (status OBSERVED): ERC-20/721 {@code Transfer}, ERC-1155
 * {@code TransferSingle}/{@code TransferBatch} (one event per id) and top-level native value transfers of
 * successful transactions. Pure: the same block always yields the same events with the same ids.
 */
public final class TransferDecoder {

    private static final Logger log = LoggerFactory.getLogger(TransferDecoder.class);

    private final long chainId;
    private final TokenMetadata metadata;
    private final String nativeSymbol;

    public TransferDecoder(long chainId, String nativeSymbol, TokenMetadata metadata) {
        this.chainId = chainId;
        this.nativeSymbol = nativeSymbol;
        this.metadata = metadata;
    }

    public List<TransferEvent> decode(ChainBlock chainBlock) {
        Map<String, TransactionReceipt> receipts = new HashMap<>();
        chainBlock.receipts().forEach(receipt -> receipts.put(receipt.getTransactionHash(), receipt));
        Map<String, List<Log>> logsByTx = new HashMap<>();
        chainBlock.logs().forEach(entry -> logsByTx.computeIfAbsent(entry.getTransactionHash(), tx -> new ArrayList<>()).add(entry));
        List<TransferEvent> transfers = new ArrayList<>();
        for (EthBlock.TransactionResult<?> result : chainBlock.block().getTransactions()) {
            EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
            List<Log> logs = logsByTx.getOrDefault(tx.getHash(), List.of());
            if (!succeeded(tx, receipts.get(tx.getHash()), logs)) {
                continue; // failed transactions move nothing
            }
            nativeTransfer(chainBlock, tx, receipts.get(tx.getHash()), transfers);
            for (Log entry : logs) {
                try {
                    tokenTransfers(chainBlock, entry, transfers);
                } catch (RuntimeException malformed) {
                    log.debug("Skipping malformed log {}:{}: {}", tx.getHash(), entry.getLogIndex(), malformed.getMessage());
                }
            }
        }
        return transfers;
    }

    /** A receipt says so; without one, a log proves success (reverted transactions emit none). */
    private static boolean succeeded(EthBlock.TransactionObject tx, TransactionReceipt receipt, List<Log> logs) {
        if (receipt != null) {
            return receipt.isStatusOK();
        }
        if (logs.isEmpty()) {
            throw new IllegalStateException("neither receipt nor log for transaction " + tx.getHash());
        }
        return true;
    }

    private void nativeTransfer(ChainBlock block, EthBlock.TransactionObject tx, TransactionReceipt receipt,
                                List<TransferEvent> out) {
        if (tx.getValue() == null || tx.getValue().signum() <= 0) {
            return;
        }
        String to = tx.getTo() != null ? tx.getTo() : receipt == null ? null : receipt.getContractAddress();
        out.add(event(block, tx.getHash(), chainId + ":" + tx.getHash() + ":native", null, TokenStandard.NATIVE,
                null, tx.getFrom(), to, tx.getValue(), null));
    }

    private void tokenTransfers(ChainBlock block, Log entry, List<TransferEvent> out) {
        List<String> topics = entry.getTopics();
        if (topics == null || topics.isEmpty()) {
            return;
        }
        String signature = topics.get(0).toLowerCase();
        String id = chainId + ":" + entry.getTransactionHash() + ":" + entry.getLogIndex();
        int logIndex = entry.getLogIndex().intValueExact();
        String token = entry.getAddress();
        if (signature.equals(TransferLogs.TRANSFER) && topics.size() == 3) {
            out.add(event(block, entry.getTransactionHash(), id, logIndex, TokenStandard.ERC20, token,
                    AbiWords.address(topics.get(1)), AbiWords.address(topics.get(2)),
                    new AbiWords(entry.getData()).uint(0), null));
        } else if (signature.equals(TransferLogs.TRANSFER) && topics.size() == 4) {
            out.add(event(block, entry.getTransactionHash(), id, logIndex, TokenStandard.ERC721, token,
                    AbiWords.address(topics.get(1)), AbiWords.address(topics.get(2)), BigInteger.ONE,
                    AbiWords.uintTopic(topics.get(3))));
        } else if (signature.equals(TransferLogs.TRANSFER_SINGLE) && topics.size() == 4) {
            AbiWords data = new AbiWords(entry.getData());
            out.add(event(block, entry.getTransactionHash(), id, logIndex, TokenStandard.ERC1155, token,
                    AbiWords.address(topics.get(2)), AbiWords.address(topics.get(3)), data.uint(1), data.uint(0)));
        } else if (signature.equals(TransferLogs.TRANSFER_BATCH) && topics.size() == 4) {
            AbiWords data = new AbiWords(entry.getData());
            List<BigInteger> ids = data.uintArray(0);
            List<BigInteger> values = data.uintArray(1);
            if (ids.size() != values.size()) {
                throw new IllegalArgumentException("TransferBatch ids and values differ in length");
            }
            for (int i = 0; i < ids.size(); i++) {
                out.add(event(block, entry.getTransactionHash(), id + ":" + i, logIndex, TokenStandard.ERC1155, token,
                        AbiWords.address(topics.get(2)), AbiWords.address(topics.get(3)), values.get(i), ids.get(i)));
            }
        }
    }

    private TransferEvent event(ChainBlock block, String txHash, String eventId, Integer logIndex,
                                TokenStandard standard, String token, String from, String to,
                                BigInteger value, BigInteger tokenId) {
        var tokenRef = token == null
                ? new TokenRef(null, nativeSymbol, 18)
                : metadata.lookup(token.toLowerCase(), standard);
        return new TransferEvent(eventId, TransferStatus.OBSERVED, chainId, block.number(), block.hash(),
                block.block().getTimestamp().longValueExact(), txHash, logIndex, standard, tokenRef,
                lower(from), lower(to), value.toString(), tokenId == null ? null : tokenId.toString(), 0);
    }

    private static String lower(String address) {
        return address == null ? null : address.toLowerCase();
    }
}
