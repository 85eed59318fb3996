package io.chainhub.analytics.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import io.chainhub.analytics.WindowSpec;
import io.chainhub.analytics.aggregate.AggregateKeys;
import io.chainhub.analytics.aggregate.AnalyticsTopology;
import io.chainhub.analytics.aggregate.TransferDelta;
import io.chainhub.analytics.feed.FeedItem;
import io.chainhub.analytics.feed.LargeTransferFeed;
import io.chainhub.platform.address.Addresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live aggregates (role viewer). Answers come from the Kafka Streams state stores; a key held by
 * another instance is forwarded there; lists over all tokens gather every instance's part.
 * Every answer carries {@link Completeness}: up to which block it is complete and confirmed, and
 * each window says whether it is final. {@code token} is a contract address or {@code native}.
 * Windows: {@code 1m}, {@code 1h}, {@code 1d}; times are ISO-8601 instants, by block time.
 *
 * <p>No class-level {@code @Validated}: Spring MVC validates the constrained parameters itself
 * (400 problem), and only on the methods that have constraints, instead of an AOP proxy around
 * every call. Answers computed here are reused for {@code answer-ttl} ({@link AnswerCache}).
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final StoreAccess stores;
    private final Forwarder forwarder;
    private final AnalyticsQueries queries;
    private final GasQueries gas;
    private final LargeTransferFeed feed;
    private final AnswerCache answers;

    AnalyticsController(StoreAccess stores, Forwarder forwarder, AnalyticsQueries queries, GasQueries gas,
            LargeTransferFeed feed, AnswerCache answers) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.queries = queries;
        this.gas = gas;
        this.feed = feed;
        this.answers = answers;
    }

    /** Chains with aggregates on this instance (every chain once all instances are asked). */
    @GetMapping("/chains")
    List<Long> chains(@RequestParam(defaultValue = "false") boolean local, HttpServletRequest request) {
        List<Long> chains = new ArrayList<>(queries.chains());
        if (!local) {
            for (HostInfo host : stores.otherHosts(AnalyticsTopology.PROGRESS_STORE)) {
                chains.addAll(Arrays.asList(forwarder.get(host, path(request), auth(request), Long[].class)));
            }
        }
        return chains.stream().distinct().sorted().toList();
    }

    /** How far the aggregates of a chain have got. */
    @GetMapping("/chains/{chainId}/progress")
    Completeness progress(@PathVariable long chainId, @RequestParam(defaultValue = "false") boolean local,
            HttpServletRequest request) {
        HostInfo owner = local ? null : stores.remoteOwnerOfChain(AnalyticsTopology.PROGRESS_STORE, chainId);
        if (owner != null) {
            return forwarder.get(owner, "/api/analytics/chains/" + chainId + "/progress", auth(request),
                    Completeness.class);
        }
        return Completeness.of(queries.progress(chainId));
    }

    /** Time series of a token: count, volume, unique senders/receivers per window, confirmed and provisional apart. */
    @GetMapping("/chains/{chainId}/tokens/{token}/series")
    TokenSeries series(@PathVariable long chainId, @PathVariable String token,
            @RequestParam(defaultValue = "1h") String window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "false") boolean local, HttpServletRequest request) {
        String asset = asset(token);
        WindowSpec spec = TimeRange.window(window);
        return routed(chainId, asset, spec, local, request, TokenSeries.class,
                () -> answers.get(new SeriesQuery(chainId, asset, window, from, to), () -> {
                    Completeness completeness = progress(chainId, false, request);
                    return queries.series(chainId, asset, TimeRange.of(window, from, to, completeness), completeness);
                }));
    }

    /** Top senders and receivers of a token by volume in the window containing {@code at} (default: newest block). */
    @GetMapping("/chains/{chainId}/tokens/{token}/top")
    TopParties top(@PathVariable long chainId, @PathVariable String token,
            @RequestParam(defaultValue = "1h") String window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "false") boolean local, HttpServletRequest request) {
        String asset = asset(token);
        WindowSpec spec = TimeRange.window(window);
        return routed(chainId, asset, spec, local, request, TopParties.class,
                () -> answers.get(new TopQuery(chainId, asset, window, at, limit), () -> {
                    Completeness completeness = progress(chainId, false, request);
                    Instant when = at != null ? at
                            : completeness.completeThroughTime() != null ? completeness.completeThroughTime()
                                    : Instant.now();
                    return queries.top(chainId, asset, spec, when, limit, completeness);
                }));
    }

    /** Tokens of a chain by transfer count over a range (default: the last 60 windows). */
    @GetMapping("/chains/{chainId}/tokens")
    TopTokens tokens(@PathVariable long chainId, @RequestParam(defaultValue = "1h") String window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "false") boolean local, HttpServletRequest request) {
        Completeness completeness = local ? Completeness.of(queries.progress(chainId)) : progress(chainId, false, request);
        TimeRange range = TimeRange.of(window, from, to, completeness);
        List<TokenSummary> tokens = new ArrayList<>(queries.tokens(chainId, range));
        if (!local) {
            String path = "/api/analytics/chains/" + chainId + "/tokens?window=" + window + "&from=" + range.from()
                    + "&to=" + range.to() + "&limit=500";
            for (HostInfo host : stores.otherHosts(range.spec().tokenStore())) {
                tokens.addAll(forwarder.get(host, path, auth(request), TopTokens.class).tokens());
            }
        }
        return new TopTokens(chainId, range.spec().label(), range.from(), range.to(), completeness,
                tokens.stream().sorted(Comparator.comparingLong((TokenSummary t) -> t.total().transfers()).reversed()
                        .thenComparing(TokenSummary::token)).limit(limit).toList());
    }

    /** Blocks, transactions, gas, base fee, effective gas price p50/p90 and fees per window. */
    @GetMapping("/chains/{chainId}/gas")
    GasSeries gas(@PathVariable long chainId, @RequestParam(defaultValue = "1m") String window,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "false") boolean local, HttpServletRequest request) {
        WindowSpec spec = TimeRange.window(window);
        HostInfo owner = local ? null : stores.remoteOwnerOfChain(spec.chainStore(), chainId);
        if (owner != null) {
            return forwarder.get(owner, path(request), auth(request), GasSeries.class);
        }
        return answers.get(new GasQuery(chainId, window, from, to), () -> {
            Completeness completeness = progress(chainId, false, request);
            return gas.gas(chainId, TimeRange.of(window, from, to, completeness), completeness);
        });
    }

    /** The largest transfers of the last {@code hours} hours (block time), largest decimal amount first. */
    @GetMapping("/large-transfers")
    RecentLargeTransfers largeTransfers(@RequestParam(defaultValue = "24") @Min(1) @Max(336) int hours,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "false") boolean local, HttpServletRequest request) {
        Instant to = Instant.now().plus(Duration.ofHours(1));
        List<FeedItem> items = new ArrayList<>(queries.largest(to.minus(Duration.ofHours(hours + 1L)), to));
        if (!local) {
            for (HostInfo host : stores.otherHosts(WindowSpec.HOUR.tokenStore())) {
                items.addAll(forwarder.get(host, path(request), auth(request), RecentLargeTransfers.class).transfers());
            }
        }
        return new RecentLargeTransfers(items.stream()
                .sorted(Comparator.comparing(AnalyticsController::decimalValue).reversed()).limit(limit).toList());
    }

    /**
     * Live feed of large transfers as server-sent events named {@code transfer} (JSON {@link FeedItem}),
     * from this instance's partitions; starts with the recent ones.
     */
    @GetMapping(path = "/large-transfers/stream", produces = "text/event-stream")
    SseEmitter stream() {
        return feed.subscribe();
    }

    private <T> T routed(long chainId, String asset, WindowSpec spec, boolean local, HttpServletRequest request,
            Class<T> type, Supplier<T> answer) {
        HostInfo owner = local ? null : stores.remoteOwnerOfToken(spec.tokenStore(), AggregateKeys.token(chainId, asset));
        return owner != null ? forwarder.get(owner, path(request), auth(request), type) : answer.get();
    }

    /** Queries as asked (null: the default); the keys of {@link AnswerCache}. */
    private record SeriesQuery(long chainId, String asset, String window, Instant from, Instant to) {
    }

    private record TopQuery(long chainId, String asset, String window, Instant at, int limit) {
    }

    private record GasQuery(long chainId, String window, Instant from, Instant to) {
    }

    private static java.math.BigDecimal decimalValue(FeedItem item) {
        return item.valueDecimal() == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(item.valueDecimal());
    }

    private static String asset(String token) {
        return TransferDelta.NATIVE.equalsIgnoreCase(token) ? TransferDelta.NATIVE : Addresses.normalize(token);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private static String auth(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION);
    }
}
