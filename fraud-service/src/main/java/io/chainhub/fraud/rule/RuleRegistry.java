package io.chainhub.fraud.rule;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.chainhub.fraud.engine.Rules;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current rule set as the topology reads it, once per record, from memory. PostgreSQL is the source
 * of truth: a change through this instance's REST API applies at once; other instances pick it up on
 * their next refresh (every few seconds). Chosen over a compacted config topic joined as a GlobalKTable
 * because every rule needs the whole set on every record (structuring reads the large-transfer
 * threshold), the set is tiny, and the change history and the analyst's view live in the database anyway.
 */
@Component
public class RuleRegistry implements Supplier<RuleSet> {

    private final RuleStore store;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    RuleRegistry(RuleStore store) {
        this.store = store;
        seedDefaults();
        refresh();
    }

    @Override
    public RuleSet get() {
        return current.get();
    }

    @Scheduled(fixedDelayString = "${chainhub.fraud.config-refresh:PT5S}")
    public void refresh() {
        current.set(RuleSet.of(store.current().stream().map(RuleStore.RuleVersion::config).toList()));
    }

    /** Version 1 of every rule the database does not know yet (first start, or a rule added in a release). */
    private void seedDefaults() {
        for (RuleConfig config : Rules.DEFAULTS.byId().values()) {
            if (store.versions(config.ruleId()).isEmpty()) {
                store.insert(config, "system", "default configuration");
            }
        }
    }
}
