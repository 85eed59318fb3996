package io.chainhub.fraud.alert;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts raised by the fraud rules. */
@RestController
class AlertController {

    private final FraudAlertRepository alerts;

    AlertController(FraudAlertRepository alerts) {
        this.alerts = alerts;
    }

    /**
     * {@code GET /api/alerts} (role viewer): newest first.
     *
     * @param status only alerts in this status (OPEN, ACKNOWLEDGED, RETRACTED); all if absent
     * @param limit  at most this many, 1 to 500 (default 100)
     */
    @GetMapping("/api/alerts")
    List<AlertView> list(@RequestParam(required = false) AlertStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        var found = status == null
                ? alerts.findByOrderByRaisedAtDesc(Limit.of(limit))
                : alerts.findByStatusOrderByRaisedAtDesc(status, Limit.of(limit));
        return found.stream().map(FraudAlert::view).toList();
    }
}
