package io.chainhub.fraud.alert;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.chainhub.platform.address.Addresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Alerts raised by the fraud rules and the analyst workflow on them. */
@RestController
@Validated
class AlertController {

    private final AlertStore alerts;

    AlertController(AlertStore alerts) {
        this.alerts = alerts;
    }

    /**
     * {@code GET /api/alerts} (viewer): newest first.
     *
     * @param status  only alerts in this status; all if absent
     * @param rule    only alerts of this rule id
     * @param subject only alerts about this address
     * @param limit   at most this many, 1 to 500 (default 100)
     */
    @GetMapping("/api/alerts")
    public List<AlertView> list(@RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String subject,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return alerts.search(status, rule, subject == null ? null : Addresses.normalize(subject), limit);
    }

    /** {@code GET /api/alerts/{id}} (viewer): the alert with its activity (who did what, notes). */
    @GetMapping("/api/alerts/{id}")
    public AlertDetail get(@PathVariable UUID id) {
        return new AlertDetail(find(id), alerts.activities(id));
    }

    /** {@code POST /api/alerts/{id}/acknowledge} (operator): OPEN → ACKNOWLEDGED; 409 from any other status. */
    @PostMapping("/api/alerts/{id}/acknowledge")
    @PreAuthorize("hasRole('operator')")
    @Transactional
    public AlertDetail acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) Note note, Principal who) {
        return move(id, AlertStatus.ACKNOWLEDGED, note, who);
    }

    /** {@code POST /api/alerts/{id}/resolve} (operator): a confirmed true positive, closed. */
    @PostMapping("/api/alerts/{id}/resolve")
    @PreAuthorize("hasRole('operator')")
    @Transactional
    public AlertDetail resolve(@PathVariable UUID id, @Valid @RequestBody(required = false) Note note, Principal who) {
        return move(id, AlertStatus.RESOLVED, note, who);
    }

    /** {@code POST /api/alerts/{id}/false-positive} (operator): closed as not suspicious; counts against precision. */
    @PostMapping("/api/alerts/{id}/false-positive")
    @PreAuthorize("hasRole('operator')")
    @Transactional
    public AlertDetail falsePositive(@PathVariable UUID id, @Valid @RequestBody(required = false) Note note, Principal who) {
        return move(id, AlertStatus.FALSE_POSITIVE, note, who);
    }

    /** {@code POST /api/alerts/{id}/notes} (operator): an analyst note, any status. */
    @PostMapping("/api/alerts/{id}/notes")
    @PreAuthorize("hasRole('operator')")
    @Transactional
    public AlertDetail addNote(@PathVariable UUID id, @Valid @RequestBody Note note, Principal who) {
        find(id);
        if (note.text() == null || note.text().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A note needs a non-blank 'text'");
        }
        alerts.activity(id, "NOTE", who.getName(), note.text());
        return get(id);
    }

    private AlertDetail move(UUID id, AlertStatus to, Note note, Principal who) {
        AlertView alert = find(id);
        if (!alert.status().canBecome(to) || !alerts.transition(id, alert.status(), to)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Alert " + id + " is " + alert.status()
                    + " and cannot become " + to);
        }
        alerts.activity(id, to.name(), who.getName(), note == null ? null : note.text());
        return get(id);
    }

    private AlertView find(UUID id) {
        return alerts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No alert " + id));
    }

    /** An analyst's note. */
    record Note(@NotBlank @Size(max = 4000) String text) {
    }

    record AlertDetail(AlertView alert, List<AlertActivity> activity) {
    }
}
