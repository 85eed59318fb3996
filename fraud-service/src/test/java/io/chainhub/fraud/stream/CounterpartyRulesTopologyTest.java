package io.chainhub.fraud.stream;

import static io.chainhub.fraud.stream.TopologyFixture.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.chainhub.fraud.engine.AddressPoisoningRule;
import io.chainhub.fraud.engine.ListRule;
import io.chainhub.fraud.engine.NewCounterpartyRule;
import io.chainhub.fraud.rule.RuleMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Watchlist, mixer, address poisoning and new counterparty: rules about who is on the other side. */
class CounterpartyRulesTopologyTest {

    private static final String GENUINE = "0xabcd" + "0".repeat(32) + "1234";
    private static final String LOOK_ALIKE = "0xabcd" + "f".repeat(32) + "1234";

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldRaiseWatchlistAlertOnSenderWhenReceiverIsSanctioned() {
        fixture.enable(ListRule.WATCHLIST, RuleMode.ACTIVE, Map.of()).list("sanctions", address(66));

        fixture.sendTransfer(address(1), address(66), "1", 0);

        assertThat(fixture.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(address(1));
            assertThat(alert.details()).containsEntry("lists", "sanctions").containsEntry("direction", "OUT");
        });
    }

    @Test
    void shouldNotRaiseWatchlistAlertWhenAddressIsOnAListTheRuleDoesNotRead() {
        fixture.enable(ListRule.WATCHLIST, RuleMode.ACTIVE, Map.of("lists", "sanctions")).list("mixers", address(66));

        fixture.sendTransfer(address(1), address(66), "1", 0);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldRaiseMixerAlertOnReceiverWhenFundsComeFromMixer() {
        fixture.enable(ListRule.MIXER, RuleMode.ACTIVE, Map.of()).list("mixers", address(77));

        fixture.sendTransfer(address(77), address(5), "1", 0);

        assertThat(fixture.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo(ListRule.MIXER);
            assertThat(alert.subject()).isEqualTo(address(5));
        });
    }

    @Test
    void shouldRaisePoisoningOnVictimWhenZeroValueComesFromLookAlikeOfRecentCounterparty() {
        fixture.enable(AddressPoisoningRule.ID, RuleMode.ACTIVE, Map.of());
        fixture.sendTransfer(address(1), GENUINE, "500", 0);

        fixture.sendTransfer(LOOK_ALIKE, address(1), "0", 60);

        assertThat(fixture.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(address(1));
            assertThat(alert.details()).containsEntry("genuine", GENUINE).containsEntry("lookAlike", LOOK_ALIKE);
        });
    }

    @Test
    void shouldNotRaisePoisoningWhenTransferIsAboveDust() {
        fixture.enable(AddressPoisoningRule.ID, RuleMode.ACTIVE, Map.of("dust." + TopologyFixture.TOKEN, "10"));
        fixture.sendTransfer(address(1), GENUINE, "500", 0);

        fixture.sendTransfer(LOOK_ALIKE, address(1), "11", 60);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldNotRaisePoisoningWhenSuffixDiffers() {
        fixture.enable(AddressPoisoningRule.ID, RuleMode.ACTIVE, Map.of());
        fixture.sendTransfer(address(1), GENUINE, "500", 0);

        fixture.sendTransfer("0xabcd" + "f".repeat(32) + "1235", address(1), "0", 60);

        assertThat(fixture.alerts()).isEmpty();
    }

    @Test
    void shouldRaiseNewCounterpartyWhenEstablishedAddressSendsLargeAmountToStranger() {
        fixture.enable(NewCounterpartyRule.ID, RuleMode.ACTIVE,
                Map.of("minHistory", "2", "threshold." + TopologyFixture.TOKEN, "100"));
        fixture.sendTransfer(address(1), address(2), "1", 0);
        fixture.sendTransfer(address(1), address(3), "1", 1);

        fixture.sendTransfer(address(1), address(4), "100", 2);

        assertThat(fixture.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.details()).containsEntry("counterparty", address(4)));
    }

    @Test
    void shouldNotRaiseNewCounterpartyWhenReceiverIsKnown() {
        fixture.enable(NewCounterpartyRule.ID, RuleMode.ACTIVE,
                Map.of("minHistory", "2", "threshold." + TopologyFixture.TOKEN, "100"));
        fixture.sendTransfer(address(1), address(2), "1", 0);
        fixture.sendTransfer(address(1), address(3), "1", 1);

        fixture.sendTransfer(address(1), address(3), "1000", 2);

        assertThat(fixture.alerts()).isEmpty();
    }
}
