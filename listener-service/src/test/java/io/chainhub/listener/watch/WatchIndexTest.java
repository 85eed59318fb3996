package io.chainhub.listener.watch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchIndexTest {

    private static final String ALICE = "0x" + "a".repeat(40);
    private static final String BOB = "0x" + "b".repeat(40);
    private static final String TOKEN = "0x" + "c".repeat(40);

    private final WatchIndex index = WatchIndex.of(List.of(
            new Watch(UUID.randomUUID(), 1, Watch.Kind.ADDRESS, ALICE, 100, null, Instant.now()),
            new Watch(UUID.randomUUID(), 1, Watch.Kind.TOKEN, TOKEN, 0, null, Instant.now())));

    @Test
    void shouldMatchWhenWatchedAddressIsSenderOrReceiverFromItsBlock() {
        assertThat(index.matches(transfer(1, 100, ALICE, BOB, null))).isTrue();
        assertThat(index.matches(transfer(1, 150, BOB, ALICE, null))).isTrue();
    }

    @Test
    void shouldNotMatchBeforeFromBlockOrOnAnotherChain() {
        assertThat(index.matches(transfer(1, 99, ALICE, BOB, null))).isFalse();
        assertThat(index.matches(transfer(2, 150, ALICE, BOB, null))).isFalse();
    }

    @Test
    void shouldMatchAnyTransferOfWatchedToken() {
        assertThat(index.matches(transfer(1, 5, BOB, BOB, TOKEN))).isTrue();
        assertThat(index.matches(transfer(1, 5, BOB, BOB, "0x" + "d".repeat(40)))).isFalse();
    }

    private static TransferEvent transfer(long chainId, long block, String from, String to, String token) {
        return new TransferEvent(chainId + ":0x1:0", TransferStatus.OBSERVED, chainId, block, "0xh", 0, "0x1", 0,
                token == null ? TokenStandard.NATIVE : TokenStandard.ERC20, new TokenRef(token, null, 18), from, to,
                "1", null, 0);
    }
}
