package io.chainhub.listener.replay;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.chainhub.events.topics.Topics;
import io.chainhub.listener.ingest.ChainFollowers;
import io.chainhub.listener.ingest.ChainRuntime;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Replays ({@code /api/chains/{chainId}/replay}): operator starts one (202 with a progress URL),
 * viewer follows it. At most {@value #MAX_BLOCKS} blocks per request; live topics are refused so a
 * replay can never be mistaken for fresh activity.
 */
@RestController
class ReplayController {

    static final long MAX_BLOCKS = 100_000;
    private static final Set<String> LIVE_TOPICS = Set.of(Topics.TOKEN_TRANSFERS, Topics.CHAIN_BLOCKS,
            Topics.LISTENER_CHECKPOINTS);

    private final ChainFollowers followers;
    private final Replayer replayer;

    ReplayController(ChainFollowers followers, Replayer replayer) {
        this.followers = followers;
        this.replayer = replayer;
    }

    @PostMapping("/api/chains/{chainId}/replay")
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<ReplayJob> replay(@PathVariable long chainId, @Valid @RequestBody ReplayRequest request) {
        ChainRuntime runtime = followers.runtime(chainId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "chain " + chainId + " is not followed by this listener"));
        String topic = request.topic() == null ? Topics.TRANSFER_REPLAY : request.topic();
        if (LIVE_TOPICS.contains(topic)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "topic " + topic + " is live: replay into " + Topics.TRANSFER_REPLAY + " or a topic of your own");
        }
        if (request.toBlock() < request.fromBlock() || request.toBlock() - request.fromBlock() >= MAX_BLOCKS) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "toBlock must be within " + MAX_BLOCKS + " blocks at or after fromBlock");
        }
        long head = runtime.blocks().head();
        if (request.toBlock() > head) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "toBlock " + request.toBlock() + " is above the chain head " + head);
        }
        ReplayJob job = replayer.start(runtime, request.fromBlock(), request.toBlock(), topic,
                followers.producerProperties());
        return ResponseEntity.accepted().location(URI.create("/api/chains/" + chainId + "/replays/" + job.getId())).body(job);
    }

    @GetMapping("/api/chains/{chainId}/replays/{id}")
    ReplayJob job(@PathVariable long chainId, @PathVariable UUID id) {
        return replayer.find(id).filter(job -> job.getChainId() == chainId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no replay " + id));
    }
}
