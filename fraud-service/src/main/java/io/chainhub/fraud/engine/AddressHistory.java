package io.chainhub.fraud.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules remember about one address: its recent legs (for sliding windows), its typical outgoing
 * size per token and its recent counterparties. Bounded, so a busy address cannot grow its state forever.
 *
 * @param recent         legs within the retention, oldest first
 * @param typical        token → running totals of outgoing amounts
 * @param counterparties last time each counterparty was seen, least recent first, at most
 *                       {@link #MAX_COUNTERPARTIES} (a list, not a map keyed by address: JSON property names
 *                       are interned by the parser, and 10,000s of addresses would swamp its symbol table)
 */
public record AddressHistory(List<Leg> recent, Map<String, Typical> typical, List<Counterparty> counterparties) {

    public static final int MAX_RECENT = 1_000;
    public static final int MAX_COUNTERPARTIES = 500;

    public static final AddressHistory EMPTY = new AddressHistory(List.of(), Map.of(), List.of());

    public AddressHistory {
        recent = recent == null ? List.of() : List.copyOf(recent);
        typical = typical == null ? Map.of() : Map.copyOf(typical);
        counterparties = counterparties == null ? List.of() : List.copyOf(counterparties);
    }

    /** An address this one dealt with, and when last (epoch seconds). */
    public record Counterparty(String address, long lastSeen) {
    }

    public boolean knows(String address) {
        for (Counterparty c : counterparties) {
            if (c.address().equals(address)) {
                return true;
            }
        }
        return false;
    }

    /** Running totals of one token's outgoing transfers: the mean is the typical size. */
    public record Typical(long samples, String total) {

        public BigInteger mean() {
            return samples == 0 ? BigInteger.ZERO : new BigInteger(total).divide(BigInteger.valueOf(samples));
        }
    }

    /**
     * This history after {@code leg}, forgetting legs older than {@code retentionSeconds} before it.
     * Dust legs (at most {@code dust}) do not make their sender a known counterparty: that is what
     * address poisoning relies on.
     */
    public AddressHistory with(Leg leg, long retentionSeconds, boolean dust) {
        List<Leg> legs = new ArrayList<>(recent.size() + 1);
        long horizon = leg.time() - retentionSeconds;
        for (Leg old : recent) {
            if (old.time() >= horizon) {
                legs.add(old);
            }
        }
        legs.add(leg);
        legs.sort(Comparator.comparingLong(Leg::time));
        if (legs.size() > MAX_RECENT) {
            legs = new ArrayList<>(legs.subList(legs.size() - MAX_RECENT, legs.size()));
        }
        Map<String, Typical> typicals = new LinkedHashMap<>(typical);
        if (leg.direction() == Direction.OUT && !dust) {
            Typical before = typical.getOrDefault(leg.token(), new Typical(0, "0"));
            typicals.put(leg.token(), new Typical(before.samples() + 1,
                    new BigInteger(before.total()).add(leg.value()).toString()));
        }
        List<Counterparty> parties = counterparties;
        if (leg.counterparty() != null && !dust) {
            parties = new ArrayList<>(counterparties.size() + 1);
            for (Counterparty c : counterparties) {
                if (!c.address().equals(leg.counterparty())) {
                    parties.add(c);
                }
            }
            parties.add(new Counterparty(leg.counterparty(), leg.time()));
            if (parties.size() > MAX_COUNTERPARTIES) {
                parties.removeFirst();
            }
        }
        return new AddressHistory(legs, typicals, parties);
    }

    /** This history without the transfer {@code eventId} (a reorg removed it). */
    public AddressHistory without(String eventId) {
        return new AddressHistory(recent.stream().filter(l -> !l.eventId().equals(eventId)).toList(), typical,
                counterparties);
    }

    /** Legs in {@code direction} of {@code token} within {@code windowSeconds} up to and including {@code now}. */
    public List<Leg> window(long now, long windowSeconds, Direction direction, String token) {
        return recent.stream()
                .filter(l -> l.direction() == direction && l.time() > now - windowSeconds && l.time() <= now)
                .filter(l -> token == null || l.token().equals(token))
                .toList();
    }

    public static BigInteger sum(List<Leg> legs) {
        return legs.stream().map(Leg::value).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
