package io.chainhub.analytics.replay;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Progress of the aggregates over their input topics, e.g. while rebuilding under a new application id. */
@RestController
class ReplayController {

    private final LagMonitor monitor;

    ReplayController(LagMonitor monitor) {
        this.monitor = monitor;
    }

    /** {@code GET /api/analytics/replay} (viewer): per input partition committed offset, end and lag. */
    @GetMapping("/api/analytics/replay")
    ReplayProgress progress() throws Exception {
        return monitor.progress();
    }
}
