package io.chainhub.fraud.stream;

/**
 * A transfer the topology evaluated: in which block, and when (wall clock, for purging).
 */
public record TransferIndexEntry(String blockHash, long seenAtMillis) {
}
