package io.chainhub.saga.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.chainhub.events.kafka.EventJson;
import io.chainhub.saga.audit.AuditJournal;
import io.chainhub.saga.withdrawal.TransitionRefused;
import io.chainhub.saga.withdrawal.TransitionRefused.Why;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;

/** Versions of the policy: proposed by one admin, activated by another (four eyes). */
@Component
public class PolicyStore {

    private static final TypeReference<List<PolicyRule>> RULES = new TypeReference<>() { };
    private static final long POLICY_LOCK = 0x5A6A_0003L;

    private final JdbcClient jdbc;
    private final AuditJournal audit;

    PolicyStore(JdbcClient jdbc, AuditJournal audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The active version; read once per transaction (a poll of replies evaluates it hundreds of times). */
    public Policy active() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load();
        }
        Policy active = (Policy) TransactionSynchronizationManager.getResource(this);
        if (active == null) {
            active = load();
            TransactionSynchronizationManager.bindResource(this, active);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PolicyStore.this);
                }
            });
        }
        return active;
    }

    private Policy load() {
        return jdbc.sql("SELECT version, rules FROM policy_version WHERE state = 'ACTIVE'")
                .query((rs, n) -> new Policy(rs.getInt(1), parse(rs.getString(2)))).single();
    }

    public List<PolicyVersion> all() {
        return jdbc.sql("SELECT version, state, proposed_by, proposed_at, decided_by, decided_at, rules FROM policy_version ORDER BY version DESC")
                .query((rs, n) -> new PolicyVersion(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), parse(rs.getString(7))))
                .list();
    }

    public Optional<PolicyVersion> get(int version) {
        return all().stream().filter(v -> v.version() == version).findFirst();
    }

    @Transactional
    public PolicyVersion propose(String admin, List<PolicyRule> rules) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(POLICY_LOCK).query().singleRow();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM policy_version").query(Integer.class).single();
        String json = EventJson.mapper().writeValueAsString(rules);
        jdbc.sql("INSERT INTO policy_version (version, rules, state, proposed_by) VALUES (?, ?, 'PROPOSED', ?)")
                .params(version, json, admin).update();
        audit.append(admin, "policy.proposed", "policy:" + version, json);
        return get(version).orElseThrow();
    }

    /** The second admin's decision: activates (superseding the active version) or rejects the proposal. */
    @Transactional
    public PolicyVersion decide(String admin, int version, boolean approve) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(POLICY_LOCK).query().singleRow();
        PolicyVersion proposal = get(version).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no policy version " + version));
        if (!"PROPOSED".equals(proposal.state())) {
            throw new TransitionRefused(Why.CONFLICT, "policy version " + version + " is " + proposal.state() + ", not PROPOSED");
        }
        if (proposal.proposedBy().equals(admin)) {
            throw new TransitionRefused(Why.FORBIDDEN, "a policy change needs a second admin: " + admin + " proposed version " + version);
        }
        if (approve) {
            jdbc.sql("UPDATE policy_version SET state = 'SUPERSEDED' WHERE state = 'ACTIVE'").update();
        }
        jdbc.sql("UPDATE policy_version SET state = ?, decided_by = ?, decided_at = ? WHERE version = ?")
                .params(approve ? "ACTIVE" : "REJECTED", admin, java.sql.Timestamp.from(Instant.now()), version).update();
        audit.append(admin, approve ? "policy.activated" : "policy.rejected", "policy:" + version, "");
        return get(version).orElseThrow();
    }

    private static List<PolicyRule> parse(String json) {
        return EventJson.mapper().readValue(json, RULES);
    }
}
