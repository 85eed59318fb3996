package io.chainhub.saga.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit journal over REST. */
@RestController
class AuditController {

    private final AuditJournal journal;

    AuditController(AuditJournal journal) {
        this.journal = journal;
    }

    /** {@code GET /api/audit?subject=&limit=} (viewer): newest entries first, optionally of one saga or policy. */
    @GetMapping("/api/audit")
    List<AuditEntry> entries(@RequestParam(required = false) String subject,
                             @RequestParam(defaultValue = "100") int limit) {
        return journal.entries(subject, Math.clamp(limit, 1, 1000));
    }

    /**
     * {@code GET /api/audit/verify} (viewer): recomputes the hash chain; {@code valid=false} with the
     * first broken entry when any entry was edited or deleted.
     */
    @GetMapping("/api/audit/verify")
    AuditJournal.Verification verify() {
        return journal.verify();
    }
}
