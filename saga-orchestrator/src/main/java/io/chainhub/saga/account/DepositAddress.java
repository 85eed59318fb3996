package io.chainhub.saga.account;

import java.time.Instant;

public record DepositAddress(long chainId, String address, Instant createdAt) {
}
