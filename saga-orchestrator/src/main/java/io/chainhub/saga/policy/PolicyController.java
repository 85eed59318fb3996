package io.chainhub.saga.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Withdrawal policy versions: every change is proposed by one admin and activated by another. */
@RestController
class PolicyController {

    private final PolicyStore store;

    PolicyController(PolicyStore store) {
        this.store = store;
    }

    /** {@code GET /api/policies} (viewer): all versions, newest first; exactly one is ACTIVE. */
    @GetMapping("/api/policies")
    List<PolicyVersion> all() {
        return store.all();
    }

    /** {@code GET /api/policies/{version}} (viewer). */
    @GetMapping("/api/policies/{version}")
    PolicyVersion get(@PathVariable int version) {
        return store.get(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no policy version " + version));
    }

    /** {@code POST /api/policies} (admin): proposes a complete new rule set as the next version (state PROPOSED). */
    @PostMapping("/api/policies")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<PolicyVersion> propose(@Valid @RequestBody Proposal proposal, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(store.propose(user.getName(), proposal.rules()));
    }

    /** {@code POST /api/policies/{version}/approve} (admin, not the proposer): makes the version ACTIVE. */
    @PostMapping("/api/policies/{version}/approve")
    @PreAuthorize("hasRole('admin')")
    PolicyVersion approve(@PathVariable int version, Authentication user) {
        return store.decide(user.getName(), version, true);
    }

    /** {@code POST /api/policies/{version}/reject} (admin, not the proposer). */
    @PostMapping("/api/policies/{version}/reject")
    @PreAuthorize("hasRole('admin')")
    PolicyVersion reject(@PathVariable int version, Authentication user) {
        return store.decide(user.getName(), version, false);
    }

    record Proposal(@NotEmpty List<@Valid PolicyRule> rules) {
    }
}
