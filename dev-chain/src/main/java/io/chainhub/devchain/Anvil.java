package io.chainhub.devchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An anvil dev chain running as a child process. Output goes to a log file (never to our
 * stdout, which would interleave with test or service logs). A shutdown hook kills the
 * process if the JVM exits without {@link #close()}, so no orphan keeps the port.
 */
public final class Anvil implements AutoCloseable {

    public static final long DEFAULT_CHAIN_ID = 31337;
    private static final Pattern CHAIN_ID_RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");

    /**
     * How to start anvil.
     *
     * @param port          0 picks a free port
     * @param blockTime     null = automine (one block per transaction), else interval mining
     * @param stateFile     null = in-memory chain; else loaded at start and dumped on {@link #close()}
     * @param stateInterval also dump the state this often, so a hard kill loses little (needs stateFile)
     * @param logFile       null = a temp file
     */
    public record Options(int port, String host, Duration blockTime, long chainId, Path stateFile,
                          Duration stateInterval, Path logFile, Duration startTimeout) {

        public static Options defaults() {
            return new Options(0, "127.0.0.1", null, DEFAULT_CHAIN_ID, null, null, null, Duration.ofSeconds(30));
        }

        public Options withPort(int value) {
            return new Options(value, host, blockTime, chainId, stateFile, stateInterval, logFile, startTimeout);
        }

        public Options withHost(String value) {
            return new Options(port, value, blockTime, chainId, stateFile, stateInterval, logFile, startTimeout);
        }

        public Options withBlockTime(Duration value) {
            return new Options(port, host, value, chainId, stateFile, stateInterval, logFile, startTimeout);
        }

        public Options withChainId(long value) {
            return new Options(port, host, blockTime, value, stateFile, stateInterval, logFile, startTimeout);
        }

        public Options withState(Path file, Duration dumpInterval) {
            return new Options(port, host, blockTime, chainId, file, dumpInterval, logFile, startTimeout);
        }

        public Options withLogFile(Path value) {
            return new Options(port, host, blockTime, chainId, stateFile, stateInterval, value, startTimeout);
        }

        public Options withStartTimeout(Duration value) {
            return new Options(port, host, blockTime, chainId, stateFile, stateInterval, logFile, value);
        }

        List<String> arguments(Path binary, int actualPort) {
            List<String> args = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(actualPort),
                    "--host", host, "--chain-id", Long.toString(chainId), "--color", "never"));
            if (blockTime != null) {
                // anvil takes (fractional) seconds.
                args.addAll(List.of("--block-time", seconds(blockTime)));
            }
            if (stateFile != null) {
                args.addAll(List.of("--state", stateFile.toString()));
                if (stateInterval != null) {
                    args.addAll(List.of("--state-interval", Long.toString(Math.max(1, stateInterval.toSeconds()))));
                }
            }
            return args;
        }

        private static String seconds(Duration duration) {
            return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
        }
    }

    private final Process process;
    private final Thread shutdownHook;
    private final String connectHost;
    private final int port;
    private final long chainId;
    private final Path logFile;

    private Anvil(Process process, String connectHost, int port, long chainId, Path logFile) {
        this.process = process;
        this.connectHost = connectHost;
        this.port = port;
        this.chainId = chainId;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "anvil-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Anvil start() {
        return start(Options.defaults());
    }

    public static Anvil start(Options options) {
        return start(AnvilBinary.locate(), options);
    }

    /** Starts anvil and returns once it answers {@code eth_chainId} with the requested chain id. */
    public static Anvil start(Path binary, Options options) {
        try {
            Path log = options.logFile() != null ? options.logFile() : Files.createTempFile("anvil-", ".log");
            if (log.getParent() != null) {
                Files.createDirectories(log.getParent());
            }
            // A port picked by us may be taken by someone else before anvil binds it: retry then.
            int attempts = options.port() == 0 ? 3 : 1;
            if (options.port() != 0) {
                // Otherwise a chain already listening there would answer our readiness probe.
                requireFree(options.host(), options.port());
            }
            for (int attempt = 1; ; attempt++) {
                int port = options.port() == 0 ? freePort() : options.port();
                Process process = new ProcessBuilder(options.arguments(binary, port))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                String connectHost = "0.0.0.0".equals(options.host()) || "::".equals(options.host())
                        ? "127.0.0.1" : options.host();
                Anvil anvil = new Anvil(process, connectHost, port, options.chainId(), log);
                try {
                    anvil.awaitReady(options.startTimeout());
                    return anvil;
                } catch (RuntimeException e) {
                    boolean exitedEarly = !process.isAlive(); // e.g. lost the race for the port we picked
                    anvil.close();
                    if (attempt >= attempts || !exitedEarly) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start anvil " + binary, e);
        }
    }

    public String httpUrl() {
        return "http://" + connectHost + ":" + port;
    }

    /** anvil serves websockets on the same port as HTTP. */
    public String wsUrl() {
        return "ws://" + connectHost + ":" + port;
    }

    public int port() {
        return port;
    }

    public long chainId() {
        return chainId;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops anvil gracefully (SIGTERM, so {@code --state} is dumped), then forcibly if it hangs. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: nothing left to do.
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl()))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with code " + process.exitValue() + " before answering on port "
                        + port + "; log " + logFile + ":\n" + logTail());
            }
            try {
                String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = CHAIN_ID_RESULT.matcher(body);
                if (m.find()) {
                    long answered = Long.parseLong(m.group(1), 16);
                    if (answered != chainId) {
                        // Another chain answers on this port: our anvil could not bind it.
                        throw new IllegalStateException("port " + port + " answers chain id " + answered + ", expected " + chainId);
                    }
                    return;
                }
                lastProblem = "unexpected answer " + body;
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for anvil", e);
            }
            pause();
        }
        throw new IllegalStateException("anvil did not answer eth_chainId on " + httpUrl() + " within " + timeout
                + " (" + lastProblem + "); log " + logFile + ":\n" + logTail());
    }

    private static void pause() {
        try {
            Thread.sleep(50); // polling interval between readiness probes, bounded by the deadline above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void requireFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on " + host + " is already in use (another anvil?)", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
