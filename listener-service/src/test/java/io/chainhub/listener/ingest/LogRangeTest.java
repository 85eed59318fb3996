package io.chainhub.listener.ingest;

import io.chainhub.listener.rpc.NodeErrorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogRangeTest {

    @Test
    void shouldHalveBelowTheRefusedRangeWhenNodeRefusesIt() {
        LogRange range = new LogRange(1, 50);

        assertThat(range.shrink(30, "too many")).isTrue();

        assertThat(range.size()).isEqualTo(15);
    }

    @Test
    void shouldGiveUpWhenASingleBlockIsRefused() {
        LogRange range = new LogRange(1, 1);

        assertThat(range.shrink(1, "too many")).isFalse();
        assertThat(range.size()).isEqualTo(1);
    }

    @Test
    void shouldDoubleBackUpToMaxAfterAcceptedCallsInARow() {
        LogRange range = new LogRange(1, 50);
        range.shrink(50, "too many");
        range.shrink(25, "too many");

        for (int i = 0; i < LogRange.GROW_AFTER; i++) {
            range.accepted();
        }
        assertThat(range.size()).isEqualTo(24);
        for (int i = 0; i < 10 * LogRange.GROW_AFTER; i++) {
            range.accepted();
        }
        assertThat(range.size()).isEqualTo(50);
    }

    @Test
    void shouldStartOverCountingWhenRefusedBeforeGrowing() {
        LogRange range = new LogRange(1, 8);
        range.shrink(8, "too many");
        for (int i = 0; i < LogRange.GROW_AFTER - 1; i++) {
            range.accepted();
        }

        range.shrink(4, "too many");
        range.accepted();

        assertThat(range.size()).isEqualTo(2);
    }

    @Test
    void shouldRecogniseProvidersRangeErrorsButNotOthers() {
        assertThat(RangeLimit.refused(new NodeErrorException(-32005, "query returned more than 10000 results"))).isTrue();
        assertThat(RangeLimit.refused(new NodeErrorException(-32000, "block range is too large"))).isTrue();
        assertThat(RangeLimit.refused(new NodeErrorException(-32602, "exceed maximum block range: 2000"))).isTrue();
        assertThat(RangeLimit.refused(new NodeErrorException(-32000, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"))).isTrue();
        assertThat(RangeLimit.refused(new NodeErrorException(413, "Invalid response received: 413; payload too large"))).isTrue();
        assertThat(RangeLimit.refused(new NodeErrorException(-32601, "method not found"))).isFalse();
        assertThat(RangeLimit.refused(new NodeErrorException(-32000, "header not found"))).isFalse();
    }
}
