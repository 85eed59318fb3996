package io.chainhub.devchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilBinaryTest {

    @TempDir
    Path root;

    @Test
    void systemPropertyWinsOverEnvironmentAndSearch() throws IOException {
        Path fromProperty = executable(root.resolve("prop/anvil"));
        Path fromEnv = executable(root.resolve("env/anvil"));
        executable(root.resolve(AnvilBinary.RELATIVE));

        Path found = AnvilBinary.locate(Map.of(AnvilBinary.PROPERTY, fromProperty.toString())::get,
                Map.of(AnvilBinary.ENV, fromEnv.toString())::get, root);

        assertThat(found).isEqualTo(fromProperty);
    }

    @Test
    void environmentIsUsedWhenPropertyIsBlank() throws IOException {
        Path fromEnv = executable(root.resolve("env/anvil"));

        Path found = AnvilBinary.locate(Map.of(AnvilBinary.PROPERTY, " ")::get,
                Map.of(AnvilBinary.ENV, fromEnv.toString())::get, root);

        assertThat(found).isEqualTo(fromEnv);
    }

    @Test
    void configuredPathMustBeExecutable() throws IOException {
        Path notExecutable = Files.createFile(root.resolve("anvil"));
        executable(root.resolve(AnvilBinary.RELATIVE));

        assertThatThrownBy(() -> AnvilBinary.locate(Map.of(AnvilBinary.PROPERTY, notExecutable.toString())::get,
                name -> null, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an executable file");
    }

    @Test
    void walksUpFromANestedDirectoryToTheRepositoryRoot() throws IOException {
        Path binary = executable(root.resolve(AnvilBinary.RELATIVE));
        Path nested = Files.createDirectories(root.resolve("listener-service/target/test-classes"));

        assertThat(AnvilBinary.locate(name -> null, name -> null, nested)).isEqualTo(binary);
        // Also from inside dev-chain itself, where Maven runs this module's tests.
        assertThat(AnvilBinary.locate(name -> null, name -> null, root.resolve("dev-chain"))).isEqualTo(binary);
    }

    @Test
    void failsWithAHintWhenNothingIsFound() {
        assertThatThrownBy(() -> AnvilBinary.locate(name -> null, name -> null, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AnvilBinary.PROPERTY)
                .hasMessageContaining("npm ci");
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
