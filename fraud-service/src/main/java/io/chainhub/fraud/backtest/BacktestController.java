package io.chainhub.fraud.backtest;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Backtests: what a rule configuration would have fired over past transfers. */
@RestController
class BacktestController {

    private final BacktestService backtests;

    BacktestController(BacktestService backtests) {
        this.backtests = backtests;
    }

    /**
     * {@code POST /api/backtests} (operator): replays {@code token-transfers} between {@code from} and
     * {@code to} (Kafka record time; {@code to} defaults to now) through the current rules with the given
     * overrides, synchronously, and reports hits per rule and the alerts that would have been raised.
     * Publishes nothing and leaves the live pipeline alone. 429 while another backtest runs.
     */
    @PostMapping("/api/backtests")
    @PreAuthorize("hasRole('operator')")
    public BacktestReport run(@Valid @RequestBody BacktestRequest request) {
        if (request.to() != null && !request.to().isAfter(request.from())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'to' must be after 'from'");
        }
        return backtests.run(request, backtests.configuration(request));
    }
}
