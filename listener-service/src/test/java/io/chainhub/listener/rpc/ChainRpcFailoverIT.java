package io.chainhub.listener.rpc;

import java.time.Duration;
import java.util.List;

import io.chainhub.devchain.DevChain;
import io.chainhub.listener.ingest.BlockSource;
import io.chainhub.listener.ingest.ChainBlock;
import io.chainhub.localstack.Ports;
import io.chainhub.testsupport.TestInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoint failover against a real anvil and a port where nothing listens. */
class ChainRpcFailoverIT {

    private final String anvil = TestInfrastructure.get().anvil().httpUrl();
    private final String dead = "http://127.0.0.1:" + Ports.free();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldUseSecondEndpointAndOpenFirstCircuitWhenFirstIsDown() {
        try (ChainRpc rpc = new ChainRpc(31337, List.of(dead, anvil), Duration.ofMinutes(1), 3, meters)) {
            BlockSource blocks = new BlockSource(rpc);

            long head = blocks.head();
            blocks.head();

            assertThat(head).isGreaterThanOrEqualTo(0);
            assertThat(rpc.endpoints().getFirst().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(rpc.endpoints().getFirst().healthy()).isFalse();
            assertThat(rpc.endpoints().get(1).healthy()).isTrue();
            assertThat(meters.counter("chainhub.listener.rpc.errors", "chain", "31337", "endpoint", dead).count())
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldFailWithRpcExceptionAfterRetriesWhenEveryEndpointIsDown() {
        try (ChainRpc rpc = new ChainRpc(31337, List.of(dead), Duration.ofMinutes(1), 2, meters)) {
            assertThatThrownBy(() -> new BlockSource(rpc).head()).isInstanceOf(RpcException.class)
                    .hasMessageContaining("every endpoint");
        }
    }

    @Test
    void shouldFetchConsecutiveChainedBlocksWithTheReceiptsTheyNeed() {
        try (DevChain chain = DevChain.connect(anvil);
             ChainRpc rpc = new ChainRpc(31337, List.of(anvil), Duration.ofMinutes(1), 3, meters)) {
            chain.sendEth(DevChain.account(3), DevChain.account(4).getAddress(), java.math.BigInteger.TEN);
            chain.mine(2);
            long head = chain.blockNumber();

            List<ChainBlock> blocks = new BlockSource(rpc).blocks(head - 2, head);

            assertThat(blocks).extracting(ChainBlock::number).containsExactly(head - 2, head - 1, head);
            assertThat(blocks.get(1).parentHash()).isEqualTo(blocks.get(0).hash());
            assertThat(blocks.get(0).receipts()).hasSameSizeAs(blocks.get(0).block().getTransactions());
        }
    }
}
