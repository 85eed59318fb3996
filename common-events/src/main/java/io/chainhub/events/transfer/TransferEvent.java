package io.chainhub.events.transfer;

/**
 * One token movement on chain and its current status: the value of the {@code token-transfers} topic.
 *
 * <p>{@code eventId} names the transfer across its status changes: {@code chainId:txHash:logIndex},
 * with {@code :i} appended for the i-th id of an ERC-1155 batch, or {@code chainId:txHash:native}
 * for a top-level native value transfer. Amounts are integer base units as decimal strings.
 * Addresses are lowercase.
 *
 * @param confirmations blocks on top of {@code blockNumber} when the event was published (0 for OBSERVED)
 */
public record TransferEvent(
        String eventId,
        TransferStatus status,
        long chainId,
        long blockNumber,
        String blockHash,
        long blockTimestamp,
        String txHash,
        Integer logIndex,
        TokenStandard standard,
        TokenRef token,
        String from,
        String to,
        String value,
        String tokenId,
        long confirmations) {

    /** CloudEvents id and the consumers' dedup key: a re-inclusion in another block is a new publication. */
    public String cloudEventId() {
        return eventId + "@" + blockHash + ":" + status;
    }

    /** Kafka record key: all status changes of one transaction stay in order on one partition. */
    public String kafkaKey() {
        return chainId + ":" + txHash;
    }

    public TransferEvent withStatus(TransferStatus newStatus, long newConfirmations) {
        return new TransferEvent(eventId, newStatus, chainId, blockNumber, blockHash, blockTimestamp, txHash,
                logIndex, standard, token, from, to, value, tokenId, newConfirmations);
    }
}
