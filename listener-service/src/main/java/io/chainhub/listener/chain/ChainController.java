package io.chainhub.listener.chain;

import java.net.URI;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Chains the listener follows and how far it got. */
@RestController
class ChainController {

    private final ChainProperties chain;
    private final ChainCheckpointRepository checkpoints;

    ChainController(ChainProperties chain, ChainCheckpointRepository checkpoints) {
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    /**
     * {@code GET /api/chains} (role viewer): the configured chain with its last checkpoint; the
     * checkpoint fields are null until the first block is published.
     */
    @GetMapping("/api/chains")
    List<ChainView> chains() {
        var checkpoint = checkpoints.findById(chain.chainId());
        return List.of(new ChainView(chain.chainId(), endpoint(chain.rpcUrl()), chain.confirmations(),
                checkpoint.map(ChainCheckpoint::lastBlock).orElse(null),
                checkpoint.map(ChainCheckpoint::lastBlockHash).orElse(null),
                checkpoint.map(ChainCheckpoint::updatedAt).orElse(null)));
    }

    private static String endpoint(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
