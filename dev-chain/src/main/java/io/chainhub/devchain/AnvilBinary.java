package io.chainhub.devchain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the anvil executable that {@code npm ci} put into {@code dev-chain/node_modules}.
 * An explicit setting wins and must point at a real file: silently falling back to some
 * other anvil would hide a misconfiguration.
 */
public final class AnvilBinary {

    public static final String PROPERTY = "chainhub.anvil.binary";
    public static final String ENV = "CHAINHUB_ANVIL";
    /** Where the npm package puts the binary, relative to the repository root. */
    public static final Path RELATIVE = Path.of("dev-chain", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    private AnvilBinary() {
    }

    /** Uses the system property, the environment and the current directory. */
    public static Path locate() {
        return locate(System::getProperty, System::getenv, Path.of("").toAbsolutePath());
    }

    static Path locate(UnaryOperator<String> properties, UnaryOperator<String> env, Path start) {
        Optional<String> configured = setting(properties.apply(PROPERTY)).or(() -> setting(env.apply(ENV)));
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("anvil binary configured via -D" + PROPERTY + " or " + ENV
                        + " is not an executable file: " + path);
            }
            return path;
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("anvil binary not found: set -D" + PROPERTY + " or " + ENV
                + ", or run `./mvnw -pl dev-chain generate-resources` (npm ci) so that " + RELATIVE
                + " exists above " + start);
    }

    private static Optional<String> setting(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
