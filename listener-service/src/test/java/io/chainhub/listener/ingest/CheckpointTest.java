package io.chainhub.listener.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointTest {

    private final Checkpoint threeBlocks = Checkpoint.startingAt(1, 10)
            .append(new BlockRef(10, "0xa", "0x9"), 3)
            .append(new BlockRef(11, "0xb", "0xa"), 3)
            .append(new BlockRef(12, "0xc", "0xb"), 3);

    @Test
    void shouldBeExtendedOnlyByChildOfHead() {
        assertThat(threeBlocks.isExtendedBy(new BlockRef(13, "0xd", "0xc"))).isTrue();
        assertThat(threeBlocks.isExtendedBy(new BlockRef(13, "0xd", "0xX"))).isFalse();
    }

    @Test
    void shouldKeepOnlyTheReorgWindow() {
        Checkpoint four = threeBlocks.append(new BlockRef(13, "0xd", "0xc"), 3);

        assertThat(four.window()).extracting(BlockRef::number).containsExactly(11L, 12L, 13L);
        assertThat(four.lastBlock()).isEqualTo(13);
    }

    @Test
    void shouldListRemovedBlocksNewestFirstAndRewind() {
        assertThat(threeBlocks.above(10)).extracting(BlockRef::number).containsExactly(12L, 11L);

        Checkpoint rewound = threeBlocks.rewindTo(10);

        assertThat(rewound.lastBlock()).isEqualTo(10);
        assertThat(rewound.nextBlock()).isEqualTo(11);
        assertThat(rewound.head()).map(BlockRef::hash).contains("0xa");
    }

    @Test
    void shouldStartBeforeFirstBlockWhenFresh() {
        Checkpoint fresh = Checkpoint.startingAt(1, 100);

        assertThat(fresh.nextBlock()).isEqualTo(100);
        assertThat(fresh.isExtendedBy(new BlockRef(100, "0x1", "0xanything"))).isTrue();
    }
}
