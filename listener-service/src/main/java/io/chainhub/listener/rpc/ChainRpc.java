package io.chainhub.listener.rpc;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC endpoints of one chain. Each call goes to the first endpoint whose circuit breaker
 * admits it (failover in configuration order); failures open the breaker so a dead endpoint is skipped
 * and re-probed after {@code reprobeAfter}; the whole failover round is retried with exponential backoff.
 */
public final class ChainRpc implements AutoCloseable {

    private final long chainId;
    private final List<RpcEndpoint> endpoints;
    private final Retry retry;
    private final MeterRegistry meters;

    public ChainRpc(long chainId, List<String> urls, Duration reprobeAfter, int attempts, MeterRegistry meters) {
        this.chainId = chainId;
        this.meters = meters;
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(reprobeAfter)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
        this.endpoints = urls.stream()
                .map(url -> new RpcEndpoint(url, Web3j.build(new HttpService(url)),
                        CircuitBreaker.of("rpc-" + chainId + "-" + url, breakerConfig)))
                .toList();
        this.retry = Retry.of("rpc-" + chainId, RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)))
                .retryExceptions(RpcException.class)
                .build());
    }

    public <T> T call(String operation, RpcCall<T> call) {
        return retry.executeSupplier(() -> failover(operation, call));
    }

    public long chainId() {
        return chainId;
    }

    public List<RpcEndpoint> endpoints() {
        return endpoints;
    }

    private <T> T failover(String operation, RpcCall<T> call) {
        Exception last = null;
        for (RpcEndpoint endpoint : endpoints) {
            if (!endpoint.breaker().tryAcquirePermission()) {
                continue;
            }
            long start = System.nanoTime();
            try {
                T result = call.on(endpoint.node());
                endpoint.breaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return result;
            } catch (NodeErrorException answered) {
                // the node is alive and said no (e.g. range too large): no failover, the caller decides
                endpoint.breaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                throw answered;
            } catch (Exception e) {
                endpoint.breaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                meters.counter("chainhub.listener.rpc.errors", "chain", Long.toString(chainId),
                        "endpoint", endpoint.url()).increment();
                last = e;
            }
        }
        throw new RpcException(operation + " failed on every endpoint of chain " + chainId
                + (last == null ? " (all circuit breakers open)" : ": " + last.getMessage()), last);
    }

    /** Unwraps a web3j response, turning a JSON-RPC error object into {@link NodeErrorException}. */
    public static <R> R result(Response<R> response) throws IOException {
        if (response.hasError()) {
            throw new NodeErrorException(response.getError().getCode(), response.getError().getMessage());
        }
        return response.getResult();
    }

    @Override
    public void close() {
        endpoints.forEach(endpoint -> endpoint.node().shutdown());
    }
}
