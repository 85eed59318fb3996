package io.chainhub.listener.watch;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.chainhub.listener.ingest.ChainFollowers;
import io.chainhub.listener.ingest.ChainStatus;
import io.chainhub.platform.address.Addresses;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Watched addresses and tokens ({@code /api/watches}): viewer reads, operator changes. Creating the
 * same watch again with the same body returns the existing one (idempotent); with a different body it
 * is a 409 problem.
 */
@RestController
@RequestMapping("/api/watches")
class WatchController {

    private final WatchRepository repository;
    private final WatchRegistry registry;
    private final ChainFollowers followers;

    WatchController(WatchRepository repository, WatchRegistry registry, ChainFollowers followers) {
        this.repository = repository;
        this.registry = registry;
        this.followers = followers;
    }

    @GetMapping
    List<Watch> list(@RequestParam(required = false) Long chainId) {
        return repository.findAll(chainId);
    }

    @GetMapping("/{id}")
    Watch get(@PathVariable UUID id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<Watch> create(@Valid @RequestBody WatchRequest request) {
        ChainStatus status = followers.statuses().get(request.chainId());
        if (status == null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "chain " + request.chainId() + " is not followed by this listener");
        }
        String address = Addresses.normalize(request.address());
        long fromBlock = request.fromBlock() != null ? request.fromBlock() : Math.max(0, status.head());
        var existing = repository.find(request.chainId(), request.kind(), address);
        if (existing.isPresent()) {
            Watch watch = existing.get();
            boolean same = (request.fromBlock() == null || watch.fromBlock() == request.fromBlock())
                    && Objects.equals(watch.label(), request.label());
            if (!same) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "a watch of " + request.kind() + " " + address
                        + " on chain " + request.chainId() + " already exists with other settings (id " + watch.id() + ")");
            }
            return ResponseEntity.ok(watch);
        }
        Watch watch = new Watch(UUID.randomUUID(), request.chainId(), request.kind(), address, fromBlock,
                request.label(), Instant.now());
        repository.insert(watch);
        registry.reload();
        return ResponseEntity.created(URI.create("/api/watches/" + watch.id())).body(watch);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!repository.delete(id)) {
            throw notFound(id);
        }
        registry.reload();
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no watch " + id);
    }
}
