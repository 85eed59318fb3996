package io.chainhub.events.custody;

import java.time.Instant;
import java.util.List;

/** fraud-service → saga on {@code custody-screening-replies} (key: withdrawal id). */
public record ScreeningReply(
        String commandId,
        String withdrawalId,
        ScreeningDecision decision,
        List<String> reasons,
        int riskScore,
        Instant decidedAt) {

    public static final String TYPE = "io.chainhub.custody.screening.decided.v1";

    public enum ScreeningDecision { APPROVE, REVIEW, REJECT }
}
