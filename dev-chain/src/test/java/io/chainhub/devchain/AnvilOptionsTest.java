package io.chainhub.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class AnvilOptionsTest {

    private static final Path BINARY = Path.of("/opt/anvil");

    @Test
    void automineByDefaultSoNoBlockTimeFlag() {
        assertThat(Anvil.Options.defaults().arguments(BINARY, 1234)).containsExactly("/opt/anvil", "--port", "1234",
                "--host", "127.0.0.1", "--chain-id", "31337", "--color", "never");
    }

    @Test
    void blockTimeIsPassedInSecondsIncludingFractions() {
        assertThat(Anvil.Options.defaults().withBlockTime(Duration.ofMillis(500)).arguments(BINARY, 1))
                .containsSequence("--block-time", "0.5");
        assertThat(Anvil.Options.defaults().withBlockTime(Duration.ofSeconds(2)).arguments(BINARY, 1))
                .containsSequence("--block-time", "2");
    }

    @Test
    void stateFileAndDumpInterval() {
        assertThat(Anvil.Options.defaults().withState(Path.of("/data/chain.json"), Duration.ofSeconds(10)).withChainId(1337)
                .arguments(BINARY, 1))
                .containsSequence("--chain-id", "1337")
                .containsSequence("--state", "/data/chain.json", "--state-interval", "10");
        assertThat(Anvil.Options.defaults().withState(Path.of("/data/chain.json"), null).arguments(BINARY, 1))
                .doesNotContain("--state-interval");
    }
}
