package io.chainhub.analytics.aggregate;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.transfer.TransferEvent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the status changes of transfers into deltas of the aggregates, exactly once per ce_id.
 * The input key ({@code chainId:txHash}) keeps every publication of a transfer on one task, so the
 * ledger needs no repartition. Transitions: OBSERVED counts provisionally; CONFIRMED moves the
 * transfer from provisional to confirmed; REVERTED of the counted block takes it back out; a
 * publication in another block first takes out the old one (a re-inclusion after a reorg).
 */
class TransferLedgerProcessor implements FixedKeyProcessor<String, TransferEvent, TransferDelta> {

    /** "-v2": entries without the counted delta, a new layout and so a new changelog. */
    static final String STORE = "transfer-ledger-v2";
    private static final Logger log = LoggerFactory.getLogger(TransferLedgerProcessor.class);

    private final Duration retention;
    private FixedKeyProcessorContext<String, TransferDelta> context;
    private KeyValueStore<String, TransferLedger> ledger;

    TransferLedgerProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TransferDelta> context) {
        this.context = context;
        this.ledger = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(FixedKeyRecord<String, TransferEvent> record) {
        TransferEvent event = record.value();
        if (event == null || event.eventId() == null || event.status() == null) {
            return;
        }
        long ceId = TransferLedger.idHash(CloudEventHeaders.id(record.headers()).orElse(event.cloudEventId()));
        TransferLedger current = ledger.get(event.eventId());
        List<Long> seen = current == null ? List.of() : current.seenIds();
        if (seen.contains(ceId)) {
            return; // redelivered: already counted
        }
        Finality appliedAs = current == null ? null : current.appliedAs();
        String appliedHash = appliedAs == null ? null : current.appliedBlockHash();
        // what is counted, rebuilt from this publication of the same transfer, in the block it was counted in
        TransferDelta applied = appliedAs == null ? null
                : delta(event, appliedAs, +1).inBlock(current.appliedBlockNumber(), current.appliedBlockTimestamp());
        TransferDelta target = applied;
        String targetHash = appliedHash;
        switch (event.status()) {
            case OBSERVED -> {
                // never downgrade a confirmed publication of the same block
                if (!(applied != null && sameBlock(appliedHash, event.blockHash()) && appliedAs == Finality.CONFIRMED)) {
                    target = delta(event, Finality.PROVISIONAL, +1);
                    targetHash = event.blockHash();
                }
            }
            case CONFIRMED -> {
                target = delta(event, Finality.CONFIRMED, +1);
                targetHash = event.blockHash();
            }
            case REVERTED -> {
                if (applied != null && sameBlock(appliedHash, event.blockHash())) {
                    target = null;
                    targetHash = null;
                }
            }
        }
        boolean unchanged = applied == null || target == null ? applied == target
                : sameBlock(appliedHash, targetHash) && appliedAs == target.finality();
        if (!unchanged) {
            if (applied != null) {
                forward(record, applied.negate());
            }
            if (target != null) {
                forward(record, target);
            }
        }
        List<Long> nextSeen = new ArrayList<>(seen.size() + 1);
        nextSeen.addAll(seen);
        nextSeen.add(ceId);
        if (nextSeen.size() > TransferLedger.SEEN_KEPT) {
            nextSeen.removeFirst();
        }
        ledger.put(event.eventId(), target == null
                ? new TransferLedger(nextSeen, null, null, 0, 0, context.currentSystemTimeMs())
                : new TransferLedger(nextSeen, target.finality(), targetHash, target.blockNumber(), target.blockTimestamp(),
                        context.currentSystemTimeMs()));
    }

    private void forward(FixedKeyRecord<String, TransferEvent> record, TransferDelta delta) {
        // the delta lands in the window of its own block, also when a re-inclusion takes out an older block;
        // without the input's CloudEvents headers: nothing downstream reads them, and every record of the
        // repartition topic carried them to the broker and back (and had them decoded again there)
        context.forward(record.withValue(delta).withTimestamp(delta.blockTimestamp() * 1000).withHeaders(new RecordHeaders()));
    }

    private static boolean sameBlock(String hash, String otherHash) {
        return hash != null && hash.equals(otherHash);
    }

    static TransferDelta delta(TransferEvent event, Finality finality, int sign) {
        String token = event.token() == null || event.token().address() == null
                ? TransferDelta.NATIVE : event.token().address().toLowerCase();
        return new TransferDelta(event.eventId(), event.chainId(), token,
                event.token() == null ? null : event.token().symbol(),
                event.token() == null ? null : event.token().decimals(),
                lower(event.from()), lower(event.to()), amount(event.value()), sign, finality, event.blockNumber(),
                event.blockTimestamp(), event.txHash());
    }

    private static String lower(String address) {
        return address == null ? "unknown" : address.toLowerCase();
    }

    private static BigInteger amount(String value) {
        try {
            return value == null ? BigInteger.ONE : new BigInteger(value.trim());
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }

    private void purge(long now) {
        long cutoff = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, TransferLedger> all = ledger.all()) {
            while (all.hasNext()) {
                KeyValue<String, TransferLedger> entry = all.next();
                if (entry.value.touchedAt() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(ledger::delete);
        if (!expired.isEmpty()) {
            log.info("purged {} transfer ledger entries older than {}", expired.size(), retention);
        }
    }
}
