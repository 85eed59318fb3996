package io.chainhub.events.topics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the topic catalog.
 *
 * @param key       what the record key holds, for humans (e.g. {@code chainId:txHash})
 * @param retention null for compacted topics or the broker default
 * @param owner     the only service that writes it
 */
public record TopicSpec(String name, String key, int partitions, Cleanup cleanup, Duration retention,
                        String owner, String content) {

    public enum Cleanup { DELETE, COMPACT }

    /** Topic-level configs to create the topic with (cleanup.policy, retention.ms). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanup.name().toLowerCase());
        if (retention != null) {
            configs.put("retention.ms", Long.toString(retention.toMillis()));
        }
        return configs;
    }

    /** Where consumers of this topic park records they cannot process, with the reason in headers. */
    public String deadLetterTopic() {
        return name + Topics.DEAD_LETTER_SUFFIX;
    }
}
