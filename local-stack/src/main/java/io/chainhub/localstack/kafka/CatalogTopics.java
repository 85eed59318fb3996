package io.chainhub.localstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.chainhub.events.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalog's topics on a broker; topics that exist are left as they are. */
public final class CatalogTopics {

    private CatalogTopics() {
    }

    /** For a broker of our own or any other (the compose file's {@code kafka-topics} job). */
    public static void create(String bootstrapServers, Collection<TopicSpec> topics, short replication, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            create(admin, topics, replication, timeout);
        }
    }

    static void create(Admin admin, Collection<TopicSpec> topics, short replication, Duration timeout) {
        List<NewTopic> newTopics = topics.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), replication).configs(t.configs()))
                .toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Throwable> failures = new ArrayList<>();
            admin.createTopics(newTopics).values().forEach((name, future) -> {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failures.add(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(e);
                }
            });
            if (failures.isEmpty()) {
                return;
            }
            // Right after the first start the broker may not be registered with the controller yet.
            boolean transientFailure = failures.stream().allMatch(InvalidReplicationFactorException.class::isInstance);
            if (!transientFailure || System.nanoTime() > deadline) {
                throw new IllegalStateException("creating topics failed: " + failures.getFirst(), failures.getFirst());
            }
            try {
                Thread.sleep(100); // retry interval of a bounded loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
    }
}
