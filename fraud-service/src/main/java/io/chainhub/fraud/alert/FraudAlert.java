package io.chainhub.fraud.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "fraud_alert")
class FraudAlert {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String rule;

    @Column(name = "chain_id", nullable = false)
    private long chainId;

    @Column(name = "subject_address", nullable = false, length = 42)
    private String subjectAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AlertStatus status;

    @Column(nullable = false, columnDefinition = "text")
    private String reason;

    @Column(name = "trigger_event_id", nullable = false, length = 200)
    private String triggerEventId;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FraudAlert() {
        // for JPA
    }

    AlertView view() {
        return new AlertView(id, rule, chainId, subjectAddress, severity, status, reason, triggerEventId, raisedAt,
                updatedAt);
    }
}
