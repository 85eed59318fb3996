package io.chainhub.saga.policy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a policy looks at.
 *
 * @param recentTotal the account's withdrawals of this asset within a window, this one excluded
 */
public record WithdrawalRequest(long chainId, String token, String accountGroup, BigInteger amount,
        String destination, Function<Duration, BigInteger> recentTotal) {
}
