package io.chainhub.events.custody;

import java.time.Instant;

/**
 * Saga → chain gateway (listener-service) on {@code custody-chain-commands} (key: withdrawal id).
 *
 * <p>The gateway signs at most ONE transaction per {@code withdrawalId}, whatever the redeliveries or
 * {@link Action#REBROADCAST} commands: it persists the signed bytes before broadcasting and always
 * rebroadcasts those same bytes. It then reports {@link ChainReply}s until the transaction is confirmed.
 *
 * @param commandId   deterministic (withdrawal id + attempt): the gateway's dedup key
 * @param token       token contract address (lowercase), null for the native currency
 * @param amount      base units as a decimal string
 * @param destination lowercase 0x address
 * @param confirmations block depth after which the gateway reports CONFIRMED
 */
public record ChainCommand(
        String commandId,
        String withdrawalId,
        Action action,
        long chainId,
        String token,
        String amount,
        String destination,
        int confirmations,
        Instant requestedAt) {

    public static final String TYPE = "io.chainhub.custody.chain.requested.v1";

    public enum Action {
        /** Sign (once) and broadcast. */
        SIGN_AND_BROADCAST,
        /** Forward recovery: broadcast the already signed bytes again (never re-signs). */
        REBROADCAST
    }
}
