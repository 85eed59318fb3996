package io.chainhub.analytics.aggregate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.chainhub.analytics.WindowSpec;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts one delta (keyed {@code chainId|token}) into the token window and the sender's and
 * receiver's party windows of every width, in one step. One repartitioned record per delta instead
 * of three (token, sender, receiver), and the token window's distinct sender/receiver counts move
 * with the party windows they summarise — both are updated here, under the same window and grace
 * decision, so they cannot disagree.
 *
 * <p>Tumbling windows by record time (block time) with a grace period, as the DSL's windowed
 * aggregation has them: a delta whose window ended more than {@code grace} before the newest record
 * time seen is dropped from that width (wider windows may still be open).
 */
class TokenAggregator implements Processor<String, TransferDelta, Void, Void> {

    private final List<WindowSpec> specs = List.of(WindowSpec.values());
    private final long grace;
    private final WindowStore<String, TokenWindow>[] tokens;
    private final WindowStore<String, PartyWindow>[] parties;
    private long streamTime = Long.MIN_VALUE;

    @SuppressWarnings("unchecked")
    TokenAggregator(Duration grace) {
        this.grace = grace.toMillis();
        this.tokens = new WindowStore[specs.size()];
        this.parties = new WindowStore[specs.size()];
    }

    /** The stores this processor writes, to connect them when adding it to the topology. */
    static String[] storeNames() {
        return Arrays.stream(WindowSpec.values()).flatMap(spec -> Stream.of(spec.tokenStore(), spec.partyStore()))
                .toArray(String[]::new);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        for (int i = 0; i < specs.size(); i++) {
            tokens[i] = context.getStateStore(specs.get(i).tokenStore());
            parties[i] = context.getStateStore(specs.get(i).partyStore());
        }
    }

    @Override
    public void process(Record<String, TransferDelta> record) {
        TransferDelta delta = record.value();
        long time = record.timestamp();
        streamTime = Math.max(streamTime, time);
        String tokenKey = record.key();
        String senderKey = tokenKey + "|S|" + delta.from();
        String receiverKey = tokenKey + "|R|" + delta.to();
        for (int i = 0; i < specs.size(); i++) {
            WindowSpec spec = specs.get(i);
            long size = spec.size().toMillis();
            long start = Math.floorDiv(time, size) * size;
            if (start + size <= streamTime - grace) {
                continue; // closed: nothing may change it any more
            }
            PartyWindow senderBefore = orEmpty(parties[i].fetch(senderKey, start));
            PartyWindow senderAfter = senderBefore.apply(delta);
            PartyWindow receiverBefore = orEmpty(parties[i].fetch(receiverKey, start));
            PartyWindow receiverAfter = receiverBefore.apply(delta);
            put(parties[i], senderKey, senderAfter, start);
            put(parties[i], receiverKey, receiverAfter, start);

            TokenWindow before = tokens[i].fetch(tokenKey, start);
            TokenWindow window = (before == null ? TokenWindow.EMPTY : before).apply(delta, spec == WindowSpec.HOUR);
            tokens[i].put(tokenKey, window.withUniques(window.senders().apply(senderBefore, senderAfter),
                    window.receivers().apply(receiverBefore, receiverAfter)), start);
        }
    }

    /** An address whose transfers were all taken back out leaves the store (reorgs would pile them up). */
    private static void put(WindowStore<String, PartyWindow> store, String key, PartyWindow window, long start) {
        store.put(key, window.isZero() ? null : window, start);
    }

    private static PartyWindow orEmpty(PartyWindow window) {
        return window == null ? PartyWindow.EMPTY : window;
    }
}
