package io.chainhub.listener.rpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.web3j.protocol.Web3j;

/** One node of a chain with its circuit breaker: open = dead, skipped until the breaker re-probes it. */
public record RpcEndpoint(String url, Web3j node, CircuitBreaker breaker) {

    public boolean healthy() {
        return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }
}
