package io.chainhub.e2e.bench;

import java.time.Duration;

import io.chainhub.devchain.DevChain;
import org.awaitility.Awaitility;

/**
 * Switches the stack's anvil from automine (a block per transaction, as the tests want) to a block every
 * second, as the benchmark asks: transactions then wait in the pool for the next block, and two
 * confirmations take about two more seconds, as on a real chain.
 */
final class OneSecondBlocks {

    private OneSecondBlocks() {
    }

    static void switchOn(DevChain chain) {
        chain.rpc("evm_setAutomine", false);
        chain.rpc("evm_setIntervalMining", 1);
        if (!Boolean.FALSE.equals(chain.rpc("anvil_getAutomine"))) {
            throw new AssertionError("anvil still automines");
        }
        long from = chain.blockNumber();
        Awaitility.await("anvil mining on its own").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> chain.blockNumber() >= from + 3);
        long start = chain.block(from + 1).getTimestamp().longValueExact();
        long end = chain.block(from + 3).getTimestamp().longValueExact();
        System.out.printf("BENCHMARK anvil: interval mining, blocks %d..%d span %d s%n", from + 1, from + 3, end - start);
    }
}
