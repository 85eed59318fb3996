package io.chainhub.analytics.aggregate;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Keys of the token and party stores. Every key of one chain and token starts with
 * {@code chainId|token} and is partitioned by that prefix only, so one instance holds a token's
 * totals and all its senders and receivers: a range query over a token never spans instances.
 */
public final class AggregateKeys {

    public static final char SEP = '|';
    /** Sorts after every character of an address or role marker: the end of a prefix range. */
    public static final String RANGE_END = "~";

    private AggregateKeys() {
    }

    public static String token(long chainId, String token) {
        return chainId + "|" + token;
    }

    public static String sender(long chainId, String token, String address) {
        return token(chainId, token) + "|S|" + address;
    }

    public static String receiver(long chainId, String token, String address) {
        return token(chainId, token) + "|R|" + address;
    }

    /** {@code chainId|token} of any key of the token and party stores. */
    public static String tokenPrefix(String key) {
        int first = key.indexOf(SEP);
        int second = key.indexOf(SEP, first + 1);
        return second < 0 ? key : key.substring(0, second);
    }

    /** The chain id of a token or party key. */
    public static long chainOf(String key) {
        return Long.parseLong(key.substring(0, key.indexOf(SEP)));
    }

    /** The token part of a token or party key. */
    public static String tokenOf(String key) {
        String prefix = tokenPrefix(key);
        return prefix.substring(prefix.indexOf(SEP) + 1);
    }

    /** The address of a party key. */
    public static String addressOf(String key) {
        return key.substring(key.lastIndexOf(SEP) + 1);
    }

    /** Partitions by {@code chainId|token}, murmur2 as Kafka's default partitioner does. */
    public static <V> StreamPartitioner<String, V> byToken() {
        return new StreamPartitioner<>() {
            @Override
            public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
                byte[] bytes = tokenPrefix(key).getBytes(StandardCharsets.UTF_8);
                return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions));
            }
        };
    }
}
