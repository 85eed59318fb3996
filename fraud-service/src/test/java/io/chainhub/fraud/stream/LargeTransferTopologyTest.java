package io.chainhub.fraud.stream;

import static io.chainhub.fraud.stream.TopologyFixture.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.chainhub.events.fraud.FraudAlertEvent.AlertAction;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.fraud.engine.LargeTransferRule;
import io.chainhub.fraud.rule.RuleMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LargeTransferTopologyTest {

    private static final String THRESHOLD = "threshold." + TopologyFixture.TOKEN;
    private final TopologyFixture fixture = new TopologyFixture()
            .enable(LargeTransferRule.ID, RuleMode.ACTIVE, Map.of(THRESHOLD, "1000"));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldRaiseAlertKeyedBySenderWhenAmountEqualsThreshold() {
        var transfer = fixture.sendTransfer(address(1), address(2), "1000", 0);

        var records = fixture.alertRecords();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(address(1));
            assertThat(record.value().action()).isEqualTo(AlertAction.RAISED);
            assertThat(record.value().ruleId()).isEqualTo(LargeTransferRule.ID);
            assertThat(record.value().transferEventIds()).containsExactly(transfer.eventId());
            assertThat(CloudEventHeaders.read(record.headers())).hasValueSatisfying(ce -> {
                assertThat(ce.type()).isEqualTo("io.chainhub.fraud.alert.raised.v1");
                assertThat(ce.id()).isEqualTo(record.value().cloudEventId());
                assertThat(ce.subject()).isEqualTo(address(1));
            });
            assertThat(new String(record.headers().lastHeader("ce_specversion").value(), StandardCharsets.UTF_8))
                    .isEqualTo("1.0");
        });
    }

    @Test
    void shouldNotRaiseAlertWhenAmountOneBelowThreshold() {
        fixture.sendTransfer(address(1), address(2), "999", 0);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldUseWholeTokenDefaultScaledByDecimalsWhenNoPerTokenThreshold() {
        fixture.enable(LargeTransferRule.ID, RuleMode.ACTIVE, Map.of(THRESHOLD, "", "threshold.default", "5"));
        // rule parameters with a blank per-token value fall back to the default: 5 tokens of 18 decimals
        fixture.sendTransfer(address(1), address(2), "4999999999999999999", 0);
        fixture.sendTransfer(address(1), address(2), "5000000000000000000", 1);

        assertThat(fixture.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.details()).containsEntry("threshold", "5000000000000000000"));
    }

    @Test
    void shouldNotRaiseAlertWhenAboveThresholdButBelowMultipleOfTypicalSize() {
        sendThreeTypicalTransfersOf500();

        fixture.sendTransfer(address(1), address(2), "4999", 10);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldRaiseAlertWhenAtMultipleOfTypicalSize() {
        sendThreeTypicalTransfersOf500();

        fixture.sendTransfer(address(1), address(2), "5000", 10);

        assertThat(fixture.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.details()).containsEntry("typicalSize", "500"));
    }

    private void sendThreeTypicalTransfersOf500() {
        fixture.enable(LargeTransferRule.ID, RuleMode.ACTIVE, Map.of("typicalMultiple", "10", "typicalMinSamples", "3"));
        for (int i = 0; i < 3; i++) {
            fixture.sendTransfer(address(1), address(2), "500", i);
        }
    }
}
