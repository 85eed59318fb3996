package io.chainhub.fraud.rule;

import java.security.Principal;
import java.util.List;

import io.chainhub.fraud.engine.Rules;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The fraud rules: current configuration, history of versions, and changes without restart. */
@RestController
@RequestMapping("/api/rules")
class RuleController {

    private final RuleStore store;
    private final RuleRegistry registry;

    RuleController(RuleStore store, RuleRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** {@code GET /api/rules} (viewer): the current version of every rule. */
    @GetMapping
    public List<RuleView> list() {
        return store.current().stream().map(RuleView::of).toList();
    }

    /** {@code GET /api/rules/{ruleId}} (viewer): the current version. */
    @GetMapping("/{ruleId}")
    public RuleView get(@PathVariable String ruleId) {
        return versions(ruleId).getFirst();
    }

    /** {@code GET /api/rules/{ruleId}/versions} (viewer): every version, newest first. */
    @GetMapping("/{ruleId}/versions")
    public List<RuleView> versions(@PathVariable String ruleId) {
        List<RuleView> versions = store.versions(ruleId).stream().map(RuleView::of).toList();
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No rule '" + ruleId + "'; known: "
                    + Rules.ALL.stream().map(r -> r.id()).toList());
        }
        return versions;
    }

    /**
     * {@code PUT /api/rules/{ruleId}} (operator): stores a new version (mode ACTIVE / SHADOW / DISABLED,
     * severity, parameters) and applies it to the next transfer. 409 when {@code expectedVersion} is stale.
     */
    @PutMapping("/{ruleId}")
    @PreAuthorize("hasRole('operator')")
    public RuleView change(@PathVariable String ruleId, @Valid @RequestBody RuleChange change, Principal who) {
        RuleConfig current = store.versions(ruleId).stream().findFirst().map(RuleStore.RuleVersion::config)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No rule '" + ruleId + "'"));
        if (change.expectedVersion() != null && change.expectedVersion() != current.version()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Rule '" + ruleId + "' is at version "
                    + current.version() + ", not " + change.expectedVersion());
        }
        if (change.parameters() != null) {
            List<String> problems = RuleParameters.problems(change.parameters());
            if (!problems.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", problems));
            }
        }
        RuleConfig next = new RuleConfig(ruleId, current.version() + 1,
                change.mode() != null ? change.mode() : current.mode(),
                change.severity() != null ? change.severity() : current.severity(),
                change.parameters() != null ? change.parameters() : current.parameters());
        if (!store.insert(next, who.getName(), change.comment())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Rule '" + ruleId + "' changed concurrently");
        }
        registry.refresh();
        return RuleView.of(store.version(ruleId, next.version()).orElseThrow());
    }
}
