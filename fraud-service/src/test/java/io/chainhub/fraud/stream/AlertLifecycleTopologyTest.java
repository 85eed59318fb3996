package io.chainhub.fraud.stream;

import static io.chainhub.fraud.stream.TopologyFixture.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.events.fraud.FraudAlertEvent.AlertAction;
import io.chainhub.events.transfer.TransferStatus;
import io.chainhub.fraud.engine.ListRule;
import io.chainhub.fraud.rule.RuleMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dedup of repeats, once-per-transfer evaluation, retraction on REVERTED, SHADOW and DISABLED modes. */
class AlertLifecycleTopologyTest {

    private final TopologyFixture fixture = new TopologyFixture()
            .enable(ListRule.WATCHLIST, RuleMode.ACTIVE, Map.of("dedupWindow", "PT1H"))
            .list("sanctions", address(66));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldUpdateOneAlertWhenRuleRepeatsOnAddressWithinDedupWindow() {
        fixture.sendTransfer(address(1), address(66), "1", 0);
        fixture.sendTransfer(address(1), address(66), "2", 3599);

        var alerts = fixture.alerts();
        assertThat(alerts).extracting(FraudAlertEvent::action).containsExactly(AlertAction.RAISED, AlertAction.UPDATED);
        assertThat(alerts.get(1).alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(alerts.get(1).count()).isEqualTo(2);
        assertThat(alerts.get(1).lastSeen()).isEqualTo(java.time.Instant.ofEpochSecond(TopologyFixture.T0 + 3599));
    }

    @Test
    void shouldRaiseSecondAlertWhenRepeatComesAfterDedupWindow() {
        fixture.sendTransfer(address(1), address(66), "1", 0);
        fixture.sendTransfer(address(1), address(66), "2", 3601);

        var alerts = fixture.alerts();
        assertThat(alerts).extracting(FraudAlertEvent::action).containsExactly(AlertAction.RAISED, AlertAction.RAISED);
        assertThat(alerts.get(1).alertId()).isNotEqualTo(alerts.get(0).alertId());
    }

    @Test
    void shouldEvaluateTransferOnceWhenConfirmedAfterObservedAndRedelivered() {
        var observed = fixture.sendTransfer(address(1), address(66), "1", 0);
        fixture.send(observed);
        fixture.send(observed.withStatus(TransferStatus.CONFIRMED, 12));

        assertThat(fixture.alerts()).hasSize(1);
        assertThat(fixture.hits()).hasSize(1);
    }

    @Test
    void shouldRetractAlertWhenItsOnlyTransferIsReverted() {
        var transfer = fixture.sendTransfer(address(1), address(66), "1", 0);

        fixture.send(transfer.withStatus(TransferStatus.REVERTED, 0));

        var alerts = fixture.alerts();
        assertThat(alerts).extracting(FraudAlertEvent::action).containsExactly(AlertAction.RAISED, AlertAction.RETRACTED);
        assertThat(alerts.get(1).alertId()).isEqualTo(alerts.get(0).alertId());
    }

    @Test
    void shouldKeepAlertWithLowerCountWhenOneOfItsTransfersIsReverted() {
        var first = fixture.sendTransfer(address(1), address(66), "1", 0);
        var second = fixture.sendTransfer(address(1), address(66), "1", 10);

        fixture.send(first.withStatus(TransferStatus.REVERTED, 0));

        var last = fixture.alerts().getLast();
        assertThat(last.action()).isEqualTo(AlertAction.UPDATED);
        assertThat(last.count()).isEqualTo(1);
        assertThat(last.transferEventIds()).containsExactly(second.eventId());
    }

    @Test
    void shouldIgnoreRevertedWhenTransferWasNeverEvaluated() {
        var transfer = fixture.transfer(address(1), address(66), "1", 0);

        fixture.send(transfer.withStatus(TransferStatus.REVERTED, 0));

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldCountShadowHitWithoutAlertWhenRuleInShadowMode() {
        fixture.enable(ListRule.WATCHLIST, RuleMode.SHADOW, Map.of());

        fixture.sendTransfer(address(1), address(66), "1", 0);

        assertThat(fixture.alerts()).isEmpty();
        assertThat(fixture.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.mode()).isEqualTo(RuleMode.SHADOW);
            assertThat(hit.alertId()).isNull();
        });
    }

    @Test
    void shouldNeitherAlertNorCountWhenRuleDisabled() {
        fixture.enable(ListRule.WATCHLIST, RuleMode.DISABLED, Map.of());

        fixture.sendTransfer(address(1), address(66), "1", 0);

        assertThat(fixture.alerts()).isEmpty();
        assertThat(fixture.hits()).isEmpty();
    }

    @Test
    void shouldApplyModeChangeToNextTransferWithoutRestart() {
        fixture.sendTransfer(address(1), address(66), "1", 0);
        fixture.enable(ListRule.WATCHLIST, RuleMode.SHADOW, Map.of());

        fixture.sendTransfer(address(2), address(66), "1", 1);

        assertThat(fixture.alerts()).extracting(FraudAlertEvent::subject).containsExactly(address(1));
        assertThat(fixture.hits()).extracting(RuleHitEvent::mode).containsExactly(RuleMode.ACTIVE, RuleMode.SHADOW);
    }
}
