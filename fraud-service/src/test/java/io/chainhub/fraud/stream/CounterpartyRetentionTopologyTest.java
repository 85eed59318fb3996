package io.chainhub.fraud.stream;

import static io.chainhub.fraud.stream.TopologyFixture.CHAIN;
import static io.chainhub.fraud.stream.TopologyFixture.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.chainhub.fraud.engine.AddressPoisoningRule;
import io.chainhub.fraud.engine.NewCounterpartyRule;
import io.chainhub.fraud.rule.RuleMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The counterparty store forgets pairs not seen within the retention (chain time), the transfer index entries
 * older than a week (wall clock), a slice per punctuation.
 */
class CounterpartyRetentionTopologyTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final long HOUR = Duration.ofHours(1).toSeconds();

    private final TopologyFixture fixture = new TopologyFixture(Duration.ofDays(40));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldForgetPairWhenNotSeenWithinRetention() {
        fixture.sendTransfer(address(1), address(2), "5", 0);
        fixture.sendTransfer(address(1), address(3), "5", 10 * DAY);
        fixture.sendTransfer(address(1), address(4), "5", 45 * DAY);

        fixture.advanceWallClock(Duration.ofDays(45)); // the wall clock keeps up with chain time: a purge runs

        // horizon 45 - 40 = day 5: the pair of day 0 goes (both sides), those of days 10 and 45 stay
        assertThat(fixture.counterparties().get(pair(1, 2))).isNull();
        assertThat(fixture.counterparties().get(pair(2, 1))).isNull();
        assertThat(fixture.counterparties().get(pair(1, 3))).isEqualTo(TopologyFixture.T0 + 10 * DAY);
        assertThat(fixture.counterparties().get(pair(1, 4))).isNotNull();
    }

    @Test
    void shouldKeepPairWhenSeenAgainWithinRetention() {
        fixture.sendTransfer(address(1), address(2), "5", 0);
        fixture.sendTransfer(address(2), address(1), "5", 30 * DAY);
        fixture.sendTransfer(address(1), address(4), "5", 45 * DAY);

        fixture.advanceWallClock(Duration.ofDays(45)); // the wall clock keeps up with chain time: a purge runs

        assertThat(fixture.counterparties().get(pair(1, 2))).isEqualTo(TopologyFixture.T0 + 30 * DAY);
    }

    @Test
    void shouldRewriteLastSeenOnlyWhenAnHourOrMoreHasPassed() {
        fixture.sendTransfer(address(1), address(2), "5", 0);
        fixture.sendTransfer(address(1), address(2), "5", HOUR - 1);

        assertThat(fixture.counterparties().get(pair(1, 2))).isEqualTo(TopologyFixture.T0);

        fixture.sendTransfer(address(1), address(2), "5", HOUR);

        assertThat(fixture.counterparties().get(pair(1, 2))).isEqualTo(TopologyFixture.T0 + HOUR);
    }

    @Test
    void shouldKeepPairWithinPoisoningLookbackWhenLookbackIsLongerThanRetention() {
        fixture.enable(AddressPoisoningRule.ID, RuleMode.ACTIVE, Map.of("lookback", "P60D"));
        fixture.sendTransfer(address(1), address(2), "5", 0);
        fixture.sendTransfer(address(1), address(4), "5", 45 * DAY);

        fixture.advanceWallClock(Duration.ofDays(45)); // the wall clock keeps up with chain time: a purge runs

        assertThat(fixture.counterparties().get(pair(1, 2))).isNotNull();
    }

    @Test
    void shouldTreatForgottenCounterpartyAsNewWhenItReceivesALargeAmountAgain() {
        fixture.enable(NewCounterpartyRule.ID, RuleMode.ACTIVE, Map.of("threshold.default", "1", "minHistory", "1"));
        fixture.sendTransfer(address(1), address(2), "5", 0);
        fixture.sendTransfer(address(1), address(3), "5", 45 * DAY);
        fixture.advanceWallClock(Duration.ofDays(45));
        assertThat(fixture.alerts()).isEmpty();

        fixture.sendTransfer(address(1), address(2), "2000000000000000000", 46 * DAY);

        assertThat(fixture.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.details()).containsEntry("counterparty", address(2)));
    }

    @Test
    void shouldVisitEveryPairAcrossRunsWhenStoreIsLargerThanOneRun() {
        var purge = new SlicedPurge<Long>(fixture.counterparties(), 2, lastSeen -> lastSeen);
        for (int i = 0; i < 5; i++) {
            fixture.counterparties().put(CHAIN + ":" + address(1) + "|" + address(10 + i), 100L);
        }

        int deleted = purge.run(200) + purge.run(200) + purge.run(200);

        assertThat(deleted).isEqualTo(5);
        assertThat(fixture.counterparties().approximateNumEntries()).isZero();
    }

    @Test
    void shouldKeepPairsWhenABlockIsStampedFarInTheFuture() {
        fixture.sendTransfer(address(1), address(2), "5", 0);
        fixture.sendTransfer(address(3), address(4), "5", 3650 * DAY);

        fixture.advanceWallClock(SlicedPurge.INTERVAL);

        // the purge's clock is chain time, but never more than a day ahead of the wall clock
        assertThat(fixture.counterparties().get(pair(1, 2))).isNotNull();
    }

    @Test
    void shouldForgetEvaluatedTransferWhenOlderThanSevenDaysOfWallClock() {
        var transfer = fixture.sendTransfer(address(1), address(2), "5", 0);

        fixture.advanceWallClock(Duration.ofDays(6));
        assertThat(fixture.transferIndex().get(transfer.eventId())).isNotNull();
        fixture.advanceWallClock(Duration.ofDays(1).plus(SlicedPurge.INTERVAL));

        assertThat(fixture.transferIndex().get(transfer.eventId())).isNull();
    }

    private static String pair(int address, int counterparty) {
        return CHAIN + ":" + address(address) + "|" + address(counterparty);
    }
}
