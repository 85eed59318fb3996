package io.chainhub.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * Main class of the broker JVM: formats the KRaft storage on first start, then runs
 * {@code kafka.Kafka}. Formatting here rather than in a separate {@code kafka-storage} JVM saves
 * one JVM start. The broker exits when the JVM that launched it dies, even by SIGKILL, so a
 * crashed test run or local stack never leaves a broker holding the port.
 *
 * <p>Arguments: {@code server.properties} path and the launcher's pid.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path config = Path.of(args[0]);
        long launcherPid = Long.parseLong(args[1]);
        ProcessHandle.of(launcherPid).ifPresentOrElse(
                launcher -> launcher.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        formatIfNeeded(config);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static void formatIfNeeded(Path config) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            properties.load(in);
        }
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        int exit = kafka.tools.StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"}, System.out);
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed with exit code " + exit);
        }
    }
}
