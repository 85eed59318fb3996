package io.chainhub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories of this test JVM under one root (Streams state directories of tests and benchmarks, keys). They are not deleted by a shutdown hook: hooks run
 * concurrently, and deleting a Kafka Streams state directory while the Spring context is still closing
 * crashed RocksDB (SIGSEGV). Instead, each test JVM removes the roots of test JVMs that are gone.
 */
public final class TempDirs {

    private static final String PREFIX = "chainhub-test-";
    private static final Path ROOT = createRoot();

    private TempDirs() {
    }

    /** A new, empty directory under this JVM's root; removed by a later test JVM once this one is gone. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(ROOT, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createRoot() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try (Stream<Path> roots = Files.list(tmp)) {
                roots.filter(TempDirs::ofDeadJvm).forEach(TempDirs::delete);
            }
            return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ofDeadJvm(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(dir)) {
            return false;
        }
        String pid = name.substring(PREFIX.length()).split("-")[0];
        return pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                && ProcessHandle.of(Long.parseLong(pid)).isEmpty();
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort at exit: the OS cleans /tmp eventually.
        }
    }
}
