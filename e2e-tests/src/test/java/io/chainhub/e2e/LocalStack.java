package io.chainhub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real {@code ./chainhub} script with its own home directory and shifted ports, so the
 * suite under test is started exactly as a user starts it, beside any stack already running.
 */
final class LocalStack {

    static final int OFFSET = 20_000;

    private final Path root;
    private final Path home;

    LocalStack(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    static LocalStack forThisBuild() {
        Path root = Path.of("").toAbsolutePath().getParent();
        return new LocalStack(root, root.resolve("e2e-tests/target/chainhub-home"));
    }

    /** A fresh stack every run: data of an earlier run (older migrations, old chain) would make it another test. */
    void wipeData() throws IOException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    int port(int usual) {
        return usual + OFFSET;
    }

    String run(Duration timeout, String... args) {
        Path log = home.resolve("e2e-" + args[0] + ".out");
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(command(args)).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("CHAINHUB_HOME", home.toString(),
                    "CHAINHUB_PORT_OFFSET", Integer.toString(OFFSET)));
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./chainhub " + String.join(" ", args) + " did not finish within " + timeout
                        + ":\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            System.out.println(output); // the script's progress, in the test report
            if (process.exitValue() != 0) {
                throw new AssertionError("./chainhub " + String.join(" ", args) + " exited with "
                        + process.exitValue() + ":\n" + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new AssertionError("could not run ./chainhub", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Processes still carrying this stack's home on their command line (none after a clean down). */
    List<String> leftovers() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .toList();
    }

    private List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("chainhub").toString()));
        command.addAll(List.of(args));
        return command;
    }
}
