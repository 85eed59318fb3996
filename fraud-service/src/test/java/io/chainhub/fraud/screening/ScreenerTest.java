package io.chainhub.fraud.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.chainhub.events.custody.ScreeningCommand;
import io.chainhub.events.custody.ScreeningReply.ScreeningDecision;
import io.chainhub.fraud.engine.Rules;
import io.chainhub.fraud.watchlist.Watchlists;
import org.junit.jupiter.api.Test;

class ScreenerTest {

    private static final String DESTINATION = "0x00000000000000000000000000000000000000d1";
    private static final Screener.AlertExposure NONE = new Screener.AlertExposure(0, 0);
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void shouldApproveWhenNothingIsKnownAgainstTheWithdrawal() {
        var reply = Screener.decide(command("1000"), Rules.DEFAULTS, Watchlists.EMPTY, NONE, NONE, NOW);

        assertThat(reply.decision()).isEqualTo(ScreeningDecision.APPROVE);
    }

    @Test
    void shouldRejectWhenDestinationIsAMixer() {
        var lists = new Watchlists(Map.of(DESTINATION, Set.of("mixers")));

        var reply = Screener.decide(command("1000"), Rules.DEFAULTS, lists, NONE, NONE, NOW);

        assertThat(reply.decision()).isEqualTo(ScreeningDecision.REJECT);
        assertThat(reply.reasons()).anySatisfy(r -> assertThat(r).contains("mixer"));
    }

    @Test
    void shouldReviewWhenAmountReachesLargeTransferThreshold() {
        var reply = Screener.decide(command("100000000000000000000"), Rules.DEFAULTS, Watchlists.EMPTY, NONE, NONE, NOW);

        assertThat(reply.decision()).isEqualTo(ScreeningDecision.REVIEW);
    }

    @Test
    void shouldApproveWhenAmountIsOneBelowThreshold() {
        var reply = Screener.decide(command("99999999999999999999"), Rules.DEFAULTS, Watchlists.EMPTY, NONE, NONE, NOW);

        assertThat(reply.decision()).isEqualTo(ScreeningDecision.APPROVE);
    }

    @Test
    void shouldReviewWhenDestinationHasOpenHighAlerts() {
        var reply = Screener.decide(command("1"), Rules.DEFAULTS, Watchlists.EMPTY, new Screener.AlertExposure(2, 1),
                NONE, NOW);

        assertThat(reply.decision()).isEqualTo(ScreeningDecision.REVIEW);
        assertThat(reply.riskScore()).isEqualTo(40);
    }

    @Test
    void shouldRejectWhenDestinationIsNotAnAddress() {
        var command = new ScreeningCommand("c", "w", "a", 31337, null, "1", 18, null, "nope", NOW);

        assertThat(Screener.decide(command, Rules.DEFAULTS, Watchlists.EMPTY, NONE, NONE, NOW).decision())
                .isEqualTo(ScreeningDecision.REJECT);
    }

    private static ScreeningCommand command(String amount) {
        return new ScreeningCommand("cmd-1", "wd-1", "acct-1", 31337, null, amount, 18,
                "0x00000000000000000000000000000000000000a1", DESTINATION, NOW);
    }
}
