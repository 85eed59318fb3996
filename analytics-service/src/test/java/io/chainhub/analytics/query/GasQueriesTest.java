package io.chainhub.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import io.chainhub.analytics.aggregate.BlockSample;
import io.chainhub.analytics.aggregate.ChainProgress;
import io.chainhub.analytics.aggregate.Finality;
import org.junit.jupiter.api.Test;

/** Window figures from block samples: sums, tx-weighted percentiles, finality. */
class GasQueriesTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldWeighPercentilesByTransactionCountWhenBlocksDiffer() {
        List<BlockSample> blocks = List.of(block(1, 90, 10, 20, Finality.CONFIRMED),
                block(2, 10, 50, 100, Finality.CONFIRMED));

        GasBucket bucket = GasQueries.bucket(START, START.plusSeconds(60), blocks, confirmedThrough(START.plusSeconds(60)));

        assertThat(bucket.p50()).isEqualTo("10"); // 90 of 100 transactions paid 10
        assertThat(bucket.p90()).isEqualTo("20");
        assertThat(bucket.transactions()).isEqualTo(100);
        assertThat(bucket.gasUsed()).isEqualTo("42000");
        assertThat(bucket.feesPaid()).isEqualTo(Long.toString(21000 * 10 + 21000 * 50));
        assertThat(bucket.isFinal()).isTrue();
    }

    @Test
    void shouldNotBeFinalWhenAnyBlockIsProvisional() {
        List<BlockSample> blocks = List.of(block(1, 5, 10, 20, Finality.CONFIRMED), block(2, 5, 10, 20, Finality.PROVISIONAL));

        GasBucket bucket = GasQueries.bucket(START, START.plusSeconds(60), blocks, confirmedThrough(START.plusSeconds(600)));

        assertThat(bucket.isFinal()).isFalse();
        assertThat(bucket.provisionalBlocks()).isEqualTo(1);
    }

    @Test
    void shouldNotBeFinalWhenChainNotConfirmedPastWindowEnd() {
        List<BlockSample> blocks = List.of(block(1, 5, 10, 20, Finality.CONFIRMED));

        GasBucket bucket = GasQueries.bucket(START, START.plusSeconds(60), blocks, confirmedThrough(START.plusSeconds(30)));

        assertThat(bucket.isFinal()).isFalse();
    }

    private static Completeness confirmedThrough(Instant time) {
        return Completeness.of(new ChainProgress(200, time.getEpochSecond(), 100, time.getEpochSecond()));
    }

    private static BlockSample block(long number, int txs, long p50, long p90, Finality finality) {
        return new BlockSample(number, "0x" + number, START.getEpochSecond() + number, txs, 0, BigInteger.valueOf(21000),
                BigInteger.valueOf(7), BigInteger.valueOf(p50), BigInteger.valueOf(p90), finality);
    }
}
