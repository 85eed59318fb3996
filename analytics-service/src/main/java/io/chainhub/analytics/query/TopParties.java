package io.chainhub.analytics.query;

import java.time.Instant;
import java.util.List;

/** {@code GET .../tokens/{token}/top}: the top senders and receivers of one window, by volume. */
public record TopParties(long chainId, String token, String symbol, Integer decimals, String window,
        Instant start, Instant end, boolean isFinal, Completeness completeness, List<PartyRank> senders,
        List<PartyRank> receivers) {
}
