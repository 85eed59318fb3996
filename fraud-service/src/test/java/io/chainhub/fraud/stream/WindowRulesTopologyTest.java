package io.chainhub.fraud.stream;

import static io.chainhub.fraud.stream.TopologyFixture.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.chainhub.events.fraud.FraudAlertEvent;
import io.chainhub.fraud.engine.LargeTransferRule;
import io.chainhub.fraud.engine.RapidInOutRule;
import io.chainhub.fraud.engine.StructuringRule;
import io.chainhub.fraud.engine.VelocityRule;
import io.chainhub.fraud.rule.RuleMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Velocity, structuring and rapid in-and-out: sliding windows on chain time. */
class WindowRulesTopologyTest {

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldRaiseVelocityWhenCountExceedsMaxWithinWindow() {
        fixture.enable(VelocityRule.ID, RuleMode.ACTIVE, Map.of("window", "PT10M", "maxCount", "3"));
        for (int i = 0; i < 3; i++) {
            fixture.sendTransfer(address(1), address(10 + i), "1", i * 60);
        }
        assertThat(fixture.alerts()).isEmpty();

        fixture.sendTransfer(address(1), address(20), "1", 240);

        assertThat(fixture.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo(VelocityRule.ID);
            assertThat(alert.details()).containsEntry("count", "4");
        });
    }

    @Test
    void shouldNotRaiseVelocityWhenEarlierTransfersLeftTheWindow() {
        fixture.enable(VelocityRule.ID, RuleMode.ACTIVE, Map.of("window", "PT10M", "maxCount", "3"));
        for (int i = 0; i < 3; i++) {
            fixture.sendTransfer(address(1), address(10 + i), "1", i);
        }

        fixture.sendTransfer(address(1), address(20), "1", 600);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldRaiseVelocityWhenAmountExceedsMaxWithinWindow() {
        fixture.enable(VelocityRule.ID, RuleMode.ACTIVE,
                Map.of("maxCount", "100", "maxAmount." + TopologyFixture.TOKEN, "100"));
        fixture.sendTransfer(address(1), address(2), "60", 0);
        fixture.sendTransfer(address(1), address(3), "40", 1);
        assertThat(fixture.alerts()).isEmpty();

        fixture.sendTransfer(address(1), address(4), "1", 2);

        assertThat(fixture.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.details()).containsEntry("amount", "101"));
    }

    @Test
    void shouldRaiseStructuringWhenThreeTransfersJustBelowThreshold() {
        fixture.enable(LargeTransferRule.ID, RuleMode.DISABLED, Map.of("threshold." + TopologyFixture.TOKEN, "1000"))
                .enable(StructuringRule.ID, RuleMode.ACTIVE, Map.of("minCount", "3", "marginPercent", "10"));
        fixture.sendTransfer(address(1), address(2), "900", 0);
        fixture.sendTransfer(address(1), address(3), "999", 60);
        assertThat(fixture.alerts()).isEmpty();

        fixture.sendTransfer(address(1), address(4), "950", 120);

        assertThat(fixture.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo(StructuringRule.ID);
            assertThat(alert.details()).containsEntry("count", "3").containsEntry("total", "2849");
        });
    }

    @Test
    void shouldNotRaiseStructuringWhenOneTransferIsBelowTheBand() {
        fixture.enable(LargeTransferRule.ID, RuleMode.DISABLED, Map.of("threshold." + TopologyFixture.TOKEN, "1000"))
                .enable(StructuringRule.ID, RuleMode.ACTIVE, Map.of("minCount", "3", "marginPercent", "10"));
        fixture.sendTransfer(address(1), address(2), "899", 0);
        fixture.sendTransfer(address(1), address(3), "999", 60);
        fixture.sendTransfer(address(1), address(4), "950", 120);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldRaiseRapidInOutWhenMostOfWhatArrivedLeavesWithinWindow() {
        fixture.enable(RapidInOutRule.ID, RuleMode.ACTIVE, Map.of("window", "PT30M", "ratioPercent", "80"));
        fixture.sendTransfer(address(9), address(1), "1000", 0);
        fixture.sendTransfer(address(1), address(2), "500", 60);
        assertThat(fixture.alerts()).isEmpty();

        fixture.sendTransfer(address(1), address(3), "300", 120);

        assertThat(fixture.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(address(1));
            assertThat(alert.details()).containsEntry("sent", "800").containsEntry("received", "1000");
        });
    }

    @Test
    void shouldNotRaiseRapidInOutWhenInflowLeftTheWindow() {
        fixture.enable(RapidInOutRule.ID, RuleMode.ACTIVE, Map.of("window", "PT30M", "ratioPercent", "80"));
        fixture.sendTransfer(address(9), address(1), "1000", 0);

        fixture.sendTransfer(address(1), address(2), "1000", 1800);

        assertThat(fixture.alerts()).extracting(FraudAlertEvent::ruleId).isEmpty();
    }
}
