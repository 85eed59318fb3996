package io.chainhub.analytics.query;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.chainhub.analytics.aggregate.BlockSample;
import io.chainhub.analytics.aggregate.ChainWindow;
import io.chainhub.analytics.aggregate.Finality;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.stereotype.Component;

/** Block figures per window of one chain, from the chain stores. */
@Component
class GasQueries {

    private final StoreAccess stores;

    GasQueries(StoreAccess stores) {
        this.stores = stores;
    }

    GasSeries gas(long chainId, TimeRange range, Completeness completeness) {
        List<GasBucket> buckets = new ArrayList<>();
        try (WindowStoreIterator<ChainWindow> windows = stores.<ChainWindow>windowStore(range.spec().chainStore())
                .fetch(Long.toString(chainId), range.fromInstant(), range.to())) {
            while (windows.hasNext()) {
                KeyValue<Long, ChainWindow> entry = windows.next();
                if (entry.value.blocks().isEmpty()) {
                    continue;
                }
                Instant start = Instant.ofEpochMilli(entry.key);
                buckets.add(bucket(start, start.plus(range.spec().size()), entry.value.blocks().values(), completeness));
            }
        }
        return new GasSeries(chainId, range.spec().label(), completeness, buckets);
    }

    static GasBucket bucket(Instant start, Instant end, Collection<BlockSample> blocks, Completeness completeness) {
        long provisional = blocks.stream().filter(b -> b.finality() == Finality.PROVISIONAL).count();
        long txs = blocks.stream().mapToLong(BlockSample::txCount).sum();
        long failed = blocks.stream().mapToLong(BlockSample::failedTxCount).sum();
        BigInteger gas = sum(blocks, BlockSample::gasUsed);
        List<BlockSample> withBaseFee = blocks.stream().filter(b -> b.baseFeePerGas() != null).toList();
        String baseFee = withBaseFee.isEmpty() ? null
                : sum(withBaseFee, BlockSample::baseFeePerGas).divide(BigInteger.valueOf(withBaseFee.size())).toString();
        BigInteger fees = blocks.stream().filter(b -> b.gasUsed() != null && b.p50() != null)
                .map(b -> b.gasUsed().multiply(b.p50())).reduce(BigInteger.ZERO, BigInteger::add);
        return new GasBucket(start, end, completeness.isFinal(end, provisional > 0), blocks.size(), provisional, txs,
                failed, gas.toString(), baseFee, weightedPercentile(blocks, BlockSample::p50, 0.5),
                weightedPercentile(blocks, BlockSample::p90, 0.9), fees.toString());
    }

    private static BigInteger sum(Collection<BlockSample> blocks, Function<BlockSample, BigInteger> field) {
        return blocks.stream().map(field).filter(v -> v != null).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The value below which {@code quantile} of the transactions fall, each block weighing its tx count. */
    static String weightedPercentile(Collection<BlockSample> blocks, Function<BlockSample, BigInteger> field,
            double quantile) {
        List<BlockSample> priced = blocks.stream().filter(b -> field.apply(b) != null && b.txCount() > 0)
                .sorted(Comparator.comparing(field)).toList();
        long total = priced.stream().mapToLong(BlockSample::txCount).sum();
        if (total == 0) {
            return null;
        }
        double threshold = quantile * total;
        long running = 0;
        for (BlockSample block : priced) {
            running += block.txCount();
            if (running >= threshold) {
                return field.apply(block).toString();
            }
        }
        return field.apply(priced.getLast()).toString();
    }
}
