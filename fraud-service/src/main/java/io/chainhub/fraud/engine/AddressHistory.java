package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules remember about one address: its recent legs (for sliding windows), its typical outgoing
 * size per token and how many counterparties it has (who they are is in {@link Counterparties}, so this value
 * stays small however long the address has been active). Bounded, so a busy address cannot grow it forever.
 *
 * @param recent            legs within the retention, oldest first
 * @param typical           token → running totals of outgoing amounts
 * @param counterpartyCount distinct addresses this one dealt with (dust excluded)
 * @param known             a Bloom filter of those addresses, so most "never dealt with" answers need no store read
 */
public record AddressHistory(List<Leg> recent, Map<String, Typical> typical, int counterpartyCount,
        CounterpartyFilter known) {

    public static final int MAX_RECENT = 1_000;

    public static final AddressHistory EMPTY = new AddressHistory(List.of(), Map.of(), 0, CounterpartyFilter.EMPTY);

    public AddressHistory {
        recent = recent == null ? List.of() : List.copyOf(recent);
        typical = typical == null ? Map.of() : Map.copyOf(typical);
        known = known == null ? CounterpartyFilter.UNKNOWN : known;
    }

    /** A history without a filter of its counterparties (written before it existed): every one "maybe" known. */
    public AddressHistory(List<Leg> recent, Map<String, Typical> typical, int counterpartyCount) {
        this(recent, typical, counterpartyCount, counterpartyCount == 0 ? CounterpartyFilter.EMPTY : CounterpartyFilter.UNKNOWN);
    }

    /**
     * Running totals of one token's outgoing transfers: the mean is the typical size. The total is a number, not
     * a decimal string: it is added to on every outgoing leg, and parsing and printing it showed in the profile.
     */
    public record Typical(long samples, BigInteger total) {

        public static final Typical NONE = new Typical(0, BigInteger.ZERO);

        public BigInteger mean() {
            return samples == 0 ? BigInteger.ZERO : total.divide(BigInteger.valueOf(samples));
        }
    }

    /**
     * This history after {@code leg}, forgetting legs older than {@code retentionSeconds} before it.
     * Dust legs do not count towards the typical size.
     *
     * @param newCounterparty whether the leg's counterparty was not known before (see {@link Counterparties})
     */
    public AddressHistory with(Leg leg, long retentionSeconds, boolean dust, boolean newCounterparty) {
        return with(leg, leg.value(), retentionSeconds, dust, newCounterparty);
    }

    /** As {@link #with(Leg, long, boolean, boolean)}, with the leg's amount already parsed. */
    AddressHistory with(Leg leg, BigInteger value, long retentionSeconds, boolean dust, boolean newCounterparty) {
        // every counterparty the pair store remembers is in the filter too, new or not
        CounterpartyFilter nextKnown = remembersCounterparty(leg, dust) ? known.with(leg.counterparty()) : known;
        List<Leg> legs = new ArrayList<>(recent.size() + 1);
        long horizon = leg.time() - retentionSeconds;
        for (Leg old : recent) {
            if (old.time() >= horizon) {
                legs.add(old);
            }
        }
        // the legs are in time order already: the new one goes after those at or before its time (almost always
        // last), where a sort of the whole list put it too (a full sort showed in the profile)
        int at = legs.size();
        while (at > 0 && legs.get(at - 1).time() > leg.time()) {
            at--;
        }
        legs.add(at, leg);
        if (legs.size() > MAX_RECENT) {
            legs = new ArrayList<>(legs.subList(legs.size() - MAX_RECENT, legs.size()));
        }
        // the totals are immutable (the constructor's Map.copyOf keeps them as they are): copied only when they change
        Map<String, Typical> typicals = typical;
        if (leg.direction() == Direction.OUT && !dust) {
            Typical before = typical.getOrDefault(leg.token(), Typical.NONE);
            typicals = new HashMap<>(typical);
            typicals.put(leg.token(), new Typical(before.samples() + 1, before.total().add(value)));
        }
        return new AddressHistory(legs, typicals, newCounterparty ? counterpartyCount + 1 : counterpartyCount, nextKnown);
    }

    /** Whether the leg's counterparty becomes a known one: it has one, and the leg is not dust (see {@link Rules#apply}). */
    static boolean remembersCounterparty(Leg leg, boolean dust) {
        return leg.counterparty() != null && !dust;
    }

    /** This history without the transfer {@code eventId} (a reorg removed it). */
    public AddressHistory without(String eventId) {
        return new AddressHistory(recent.stream().filter(l -> !l.eventId().equals(eventId)).toList(), typical,
                counterpartyCount, known);
    }

    /** Legs in {@code direction} of {@code token} within {@code windowSeconds} up to and including {@code now}. */
    public List<Leg> window(long now, long windowSeconds, Direction direction, String token) {
        List<Leg> legs = new ArrayList<>(); // plain loop: several rules call this on every leg
        for (Leg l : recent) {
            if (l.direction() == direction && l.time() > now - windowSeconds && l.time() <= now
                    && (token == null || l.token().equals(token))) {
                legs.add(l);
            }
        }
        return legs;
    }

    public static BigInteger sum(List<Leg> legs) {
        BigInteger total = BigInteger.ZERO;
        for (Leg leg : legs) {
            total = total.add(leg.value());
        }
        return total;
    }
}
