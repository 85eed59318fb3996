package io.chainhub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real {@code ./chainhub} script with its own home directory and shifted ports, so the
 * suite under test is started exactly as a user starts it, beside any stack already running.
 */
public final class LocalStack {

    static final int OFFSET = 20_000;

    private final Path root;
    private final Path home;
    private final int offset;
    private final Map<String, String> environment;

    /** {@code environment}: extra variables for the script, which passes them on to the services. */
    public LocalStack(Path home, int offset, Map<String, String> environment) {
        this.root = Path.of("").toAbsolutePath().getParent();
        this.home = root.resolve(home);
        this.offset = offset;
        this.environment = new HashMap<>(environment);
        this.environment.put("CHAINHUB_HOME", this.home.toString());
        this.environment.put("CHAINHUB_PORT_OFFSET", Integer.toString(offset));
    }

    static LocalStack forThisBuild() {
        return new LocalStack(Path.of("e2e-tests/target/chainhub-home"), OFFSET, Map.of());
    }

    public Path home() {
        return home;
    }

    /** A fresh stack every run: data of an earlier run (older migrations, old chain) would make it another test. */
    public void wipeData() {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new AssertionError("could not wipe " + data, e);
            }
        }
    }

    public int port(int usual) {
        return usual + offset;
    }

    /** Processes still carrying this stack's home on their command line (none after a clean down). */
    public List<String> leftovers() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .toList();
    }

    /** {@code ./chainhub ARGS}: its output, or an assertion error with the output when it fails or hangs. */
    public String run(Duration timeout, String... args) {
        Path log = home.resolve("e2e-" + args[0] + ".out");
        try {
            Files.createDirectories(home);
            List<String> command = new ArrayList<>(List.of(root.resolve("chainhub").toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./chainhub " + String.join(" ", args) + " did not finish within " + timeout
                        + ":\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            if (!args[0].equals("token")) {
                System.out.println(output); // the script's progress, in the test report
            }
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
}
