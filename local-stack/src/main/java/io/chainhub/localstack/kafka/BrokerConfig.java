package io.chainhub.localstack.kafka;

import java.nio.file.Path;

/** The {@code server.properties} of a single-node KRaft broker for development and tests. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    static String render(Path logDir, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                # One node: every internal topic has one replica, or transactions and groups never start.
                num.partitions=1
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Fewer internal partitions than the 50 defaults: created faster on first use.
                offsets.topic.num.partitions=6
                transaction.state.log.num.partitions=6
                # Tests and a fresh stack should not wait 3 s for the first consumer group to form.
                group.initial.rebalance.delay.ms=0
                # Sized for a laptop: fewer threads and a small cleaner buffer (default 128 MB).
                num.network.threads=2
                num.io.threads=4
                background.threads=4
                num.recovery.threads.per.data.dir=2
                log.cleaner.dedupe.buffer.size=8388608
                """.formatted(port, controllerPort, logDir.toString().replace("\\", "/"));
    }
}
