package io.chainhub.e2e;

import java.math.BigInteger;

import io.chainhub.events.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * A token's figures from analytics' series endpoint, summed over all its windows: confirmed (final) and total
 * (confirmed plus provisional) transfer counts and volumes in base units.
 */
record TokenFigures(long confirmedTransfers, BigInteger confirmedVolume, long totalTransfers, BigInteger totalVolume) {

    static final TokenFigures NONE = new TokenFigures(0, BigInteger.ZERO, 0, BigInteger.ZERO);

    /** Every transfer confirmed: what the figures should read once the chain confirmed them all. */
    static TokenFigures confirmed(long transfers, BigInteger volume) {
        return new TokenFigures(transfers, volume, transfers, volume);
    }

    /** Reads {@code GET /api/analytics/chains/{chainId}/tokens/{token}/series} (empty windows are left out there). */
    static TokenFigures ofSeries(String json) {
        long confirmedTransfers = 0;
        long totalTransfers = 0;
        BigInteger confirmedVolume = BigInteger.ZERO;
        BigInteger totalVolume = BigInteger.ZERO;
        for (JsonNode bucket : EventJson.mapper().readTree(json).path("buckets")) {
            confirmedTransfers += bucket.path("confirmed").path("transfers").asLong();
            confirmedVolume = confirmedVolume.add(new BigInteger(bucket.path("confirmed").path("volume").asString("0")));
            totalTransfers += bucket.path("total").path("transfers").asLong();
            totalVolume = totalVolume.add(new BigInteger(bucket.path("total").path("volume").asString("0")));
        }
        return new TokenFigures(confirmedTransfers, confirmedVolume, totalTransfers, totalVolume);
    }
}
