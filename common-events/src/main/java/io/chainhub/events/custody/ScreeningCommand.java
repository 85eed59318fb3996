package io.chainhub.events.custody;

import java.time.Instant;

/**
 * Saga → fraud-service on {@code custody-screening-commands} (key: withdrawal id): screen a withdrawal.
 * The fraud service answers each {@code commandId} once; a redelivered command gets the same reply.
 *
 * @param token    token contract address, null for the native currency
 * @param amount   base units as a decimal string
 */
public record ScreeningCommand(
        String commandId,
        String withdrawalId,
        String accountId,
        long chainId,
        String token,
        String amount,
        int decimals,
        String sourceAddress,
        String destination,
        Instant requestedAt) {

    public static final String TYPE = "io.chainhub.custody.screening.requested.v1";
}
