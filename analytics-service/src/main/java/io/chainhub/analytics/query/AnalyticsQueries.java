package io.chainhub.analytics.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chainhub.analytics.AnalyticsProperties;
import io.chainhub.analytics.WindowSpec;
import io.chainhub.analytics.aggregate.AggregateKeys;
import io.chainhub.analytics.aggregate.AnalyticsTopology;
import io.chainhub.analytics.aggregate.ChainProgress;
import io.chainhub.analytics.aggregate.Figures;
import io.chainhub.analytics.aggregate.PartyWindow;
import io.chainhub.analytics.aggregate.TokenWindow;
import io.chainhub.analytics.aggregate.Uniques;
import io.chainhub.analytics.feed.FeedItem;
import io.chainhub.analytics.rollup.RollupRepository;
import io.chainhub.analytics.rollup.RollupRow;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.stereotype.Component;

/** Answers from this instance's state stores (and the PostgreSQL roll-up for older history). */
@Component
class AnalyticsQueries {

    private final StoreAccess stores;
    private final RollupRepository rollups;
    private final AnalyticsProperties properties;

    AnalyticsQueries(StoreAccess stores, RollupRepository rollups, AnalyticsProperties properties) {
        this.stores = stores;
        this.rollups = rollups;
        this.properties = properties;
    }

    ChainProgress progress(long chainId) {
        ChainProgress progress = stores.<ChainProgress>keyValueStore(AnalyticsTopology.PROGRESS_STORE)
                .get(Long.toString(chainId));
        return progress == null ? ChainProgress.NONE : progress;
    }

    List<Long> chains() {
        List<Long> chains = new ArrayList<>();
        try (KeyValueIterator<String, ChainProgress> all =
                stores.<ChainProgress>keyValueStore(AnalyticsTopology.PROGRESS_STORE).all()) {
            all.forEachRemaining(entry -> chains.add(Long.parseLong(entry.key)));
        }
        return chains;
    }

    TokenSeries series(long chainId, String token, TimeRange range, Completeness completeness) {
        WindowSpec spec = range.spec();
        String key = AggregateKeys.token(chainId, token);
        TreeMap<Instant, TokenBucket> buckets = new TreeMap<>();
        String symbol = null;
        Integer decimals = null;
        ReadOnlyWindowStore<String, TokenWindow> store = stores.windowStore(spec.tokenStore());
        try (WindowStoreIterator<TokenWindow> windows = store.fetch(key, range.fromInstant(), range.to())) {
            while (windows.hasNext()) {
                KeyValue<Long, TokenWindow> entry = windows.next();
                TokenWindow window = entry.value;
                if (window.total().isEmpty() && window.confirmed().volume().signum() == 0) {
                    continue; // everything in it was reverted
                }
                symbol = window.symbol() != null ? window.symbol() : symbol;
                decimals = window.decimals() != null ? window.decimals() : decimals;
                Uniques s = window.senders();
                Uniques r = window.receivers();
                Instant start = Instant.ofEpochMilli(entry.key);
                Instant end = start.plus(spec.size());
                buckets.put(start, new TokenBucket(start, end,
                        completeness.isFinal(end, !window.provisional().isEmpty()), "stream",
                        Amounts.of(window.confirmed(), window.decimals(), s.confirmed(), r.confirmed()),
                        Amounts.of(window.provisional(), window.decimals(), s.provisional(), r.provisional()),
                        Amounts.of(window.total(), window.decimals(), s.total(), r.total())));
            }
        }
        // history the stores no longer hold comes from the roll-up
        Instant storeHorizon = Instant.now().minus(properties.retention(spec)).plus(spec.size());
        if (range.from().isBefore(storeHorizon)) {
            Instant until = range.to().isBefore(storeHorizon) ? range.to() : storeHorizon;
            for (RollupRow row : rollups.find(chainId, token, (int) spec.size().toSeconds(),
                    TimeRange.windowStart(spec, range.from()), until)) {
                Figures figures = new Figures(row.transferCount(), row.volume());
                buckets.putIfAbsent(row.bucketStart(), new TokenBucket(row.bucketStart(),
                        row.bucketStart().plus(spec.size()), true, "rollup", Amounts.of(figures, decimals, null, null),
                        Amounts.of(Figures.ZERO, decimals, null, null), Amounts.of(figures, decimals, null, null)));
            }
        }
        return new TokenSeries(chainId, token, symbol, decimals, spec.label(), completeness,
                List.copyOf(buckets.values()));
    }

    TopParties top(long chainId, String token, WindowSpec spec, Instant at, int limit, Completeness completeness) {
        String key = AggregateKeys.token(chainId, token);
        Instant start = TimeRange.windowStart(spec, at);
        Instant end = start.plus(spec.size());
        TokenWindow window = stores.<TokenWindow>windowStore(spec.tokenStore()).fetch(key, start.toEpochMilli());
        TokenWindow found = window == null ? TokenWindow.EMPTY : window;
        return new TopParties(chainId, token, found.symbol(), found.decimals(), spec.label(), start, end,
                completeness.isFinal(end, !found.provisional().isEmpty()), completeness,
                ranking(key + "|S|", spec, start, limit, found.decimals()),
                ranking(key + "|R|", spec, start, limit, found.decimals()));
    }

    /** This instance's tokens of one chain, summed over the range. */
    List<TokenSummary> tokens(long chainId, TimeRange range) {
        Map<String, TokenWindow> sums = new HashMap<>();
        ReadOnlyWindowStore<String, TokenWindow> store = stores.windowStore(range.spec().tokenStore());
        try (KeyValueIterator<Windowed<String>, TokenWindow> all = store.fetchAll(range.fromInstant(), range.to())) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, TokenWindow> entry = all.next();
                String key = entry.key.key();
                if (AggregateKeys.chainOf(key) != chainId) {
                    continue;
                }
                sums.merge(AggregateKeys.tokenOf(key), entry.value, (a, b) -> new TokenWindow(
                        a.symbol() != null ? a.symbol() : b.symbol(), a.decimals() != null ? a.decimals() : b.decimals(),
                        a.confirmed().plus(b.confirmed()), a.provisional().plus(b.provisional()),
                        Math.max(a.lastBlock(), b.lastBlock()), List.of(), null, null));
            }
        }
        return sums.entrySet().stream().filter(e -> !e.getValue().total().isEmpty())
                .map(e -> new TokenSummary(chainId, e.getKey(), e.getValue().symbol(), e.getValue().decimals(),
                        Amounts.of(e.getValue().confirmed(), e.getValue().decimals(), null, null),
                        Amounts.of(e.getValue().provisional(), e.getValue().decimals(), null, null),
                        Amounts.of(e.getValue().total(), e.getValue().decimals(), null, null)))
                .toList();
    }

    /** This instance's largest transfers of hourly windows in [from, to]. */
    List<FeedItem> largest(Instant from, Instant to) {
        List<FeedItem> items = new ArrayList<>();
        ReadOnlyWindowStore<String, TokenWindow> store = stores.windowStore(WindowSpec.HOUR.tokenStore());
        try (KeyValueIterator<Windowed<String>, TokenWindow> all = store.fetchAll(
                TimeRange.windowStart(WindowSpec.HOUR, from), to)) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, TokenWindow> entry = all.next();
                String key = entry.key.key();
                entry.value.largest().forEach(t -> items.add(FeedItem.of(AggregateKeys.chainOf(key),
                        AggregateKeys.tokenOf(key), entry.value.symbol(), entry.value.decimals(), t)));
            }
        }
        return items;
    }

    /** Sorts the window's addresses by volume and formats only the ones shown. */
    private List<PartyRank> ranking(String prefix, WindowSpec spec, Instant start, int limit, Integer decimals) {
        List<KeyValue<String, PartyWindow>> parties = new ArrayList<>();
        ReadOnlyWindowStore<String, PartyWindow> store = stores.windowStore(spec.partyStore());
        try (KeyValueIterator<Windowed<String>, PartyWindow> all = store.fetch(prefix,
                prefix + AggregateKeys.RANGE_END, start, start)) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, PartyWindow> entry = all.next();
                if (entry.key.key().startsWith(prefix) && !entry.value.total().isEmpty()) {
                    parties.add(KeyValue.pair(AggregateKeys.addressOf(entry.key.key()), entry.value));
                }
            }
        }
        return parties.stream()
                .sorted(Comparator.comparing((KeyValue<String, PartyWindow> party) -> party.value.total().volume())
                        .reversed().thenComparing(party -> party.key))
                .limit(limit)
                .map(party -> {
                    Figures total = party.value.total();
                    return new PartyRank(party.key, total.transfers(), total.volume().toString(),
                            Amounts.decimal(total.volume(), decimals), party.value.confirmed().transfers(),
                            party.value.confirmed().volume().toString());
                })
                .toList();
    }
}
