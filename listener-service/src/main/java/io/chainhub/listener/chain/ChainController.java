package io.chainhub.listener.chain;

import java.net.URI;
import java.util.List;

import io.chainhub.listener.ingest.ChainFollowers;
import io.chainhub.listener.ingest.ChainStatus;
import io.chainhub.listener.ingest.ListenerProperties;
import io.chainhub.listener.rpc.ChainRpc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chains the listener follows and how far it got. */
@RestController
class ChainController {

    private final ListenerProperties properties;
    private final ChainFollowers followers;

    ChainController(ListenerProperties properties, ChainFollowers followers) {
        this.properties = properties;
        this.followers = followers;
    }

    /** {@code GET /api/chains} (role viewer): every configured chain with its progress and endpoint health. */
    @GetMapping("/api/chains")
    List<ChainView> chains() {
        return properties.chains().stream().map(this::view).toList();
    }

    private ChainView view(ListenerProperties.Chain chain) {
        ChainStatus status = followers.statuses().get(chain.chainId());
        ChainRpc rpc = followers.rpcs().get(chain.chainId());
        List<ChainView.Endpoint> endpoints = rpc == null ? List.of() : rpc.endpoints().stream()
                .map(endpoint -> new ChainView.Endpoint(redacted(endpoint.url()), endpoint.healthy(),
                        endpoint.breaker().getState().name()))
                .toList();
        ChainView.Websocket websocket = chain.wsUrls().isEmpty() ? null : followers.headWatcher(chain.chainId())
                .map(watcher -> new ChainView.Websocket(watcher.connected(), watcher.reconnects()))
                .orElse(new ChainView.Websocket(false, 0));
        Integer logRange = followers.runtime(chain.chainId()).map(runtime -> runtime.blocks().logRange().size()).orElse(null);
        if (status == null) {
            return new ChainView(chain.chainId(), chain.name(), chain.confirmations(), null, null, null, 0, 0, 0, 0,
                    null, null, endpoints, websocket, logRange);
        }
        Long processed = status.lastProcessed() < 0 ? null : status.lastProcessed();
        return new ChainView(chain.chainId(), chain.name(), chain.confirmations(),
                status.head() < 0 ? null : status.head(), processed,
                processed == null ? null : Math.max(-1, processed - chain.confirmations()),
                status.lag(), status.eventsPublished(), status.eventsPerSecond(), status.reorgs(),
                status.checkpointAt(), status.lastError(), endpoints, websocket, logRange);
    }

    /** Hosted providers put API keys in the path or query: show scheme, host and port only. */
    static String redacted(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
