package io.chainhub.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.notification.subscription.AddressRole;
import io.chainhub.notification.subscription.Subscription;
import io.chainhub.notification.subscription.SubscriptionStatus;

import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

    private static final String ALICE = "0x" + "a".repeat(40);
    private static final String BOB = "0x" + "b".repeat(40);
    private static final String USDC = "0x" + "c".repeat(40);

    @Test
    void shouldMatchSubscriptionOnReceiverWhenRoleEither() {
        Subscription s = sub(List.of("transfer.confirmed"), List.of(BOB), AddressRole.EITHER, List.of(), null);

        assertThat(SubscriptionIndex.of(List.of(s)).match(transfer("transfer.confirmed", ALICE, BOB, USDC, 10))).containsExactly(s);
    }

    @Test
    void shouldNotMatchWhenAddressOnWrongSide() {
        Subscription s = sub(List.of("transfer.confirmed"), List.of(BOB), AddressRole.SENDER, List.of(), null);

        assertThat(SubscriptionIndex.of(List.of(s)).match(transfer("transfer.confirmed", ALICE, BOB, USDC, 10))).isEmpty();
    }

    @Test
    void shouldFilterOnEventTypeTokenAndMinimumValue() {
        Subscription big = sub(List.of("transfer.confirmed"), List.of(), AddressRole.EITHER, List.of(USDC), BigInteger.valueOf(100));
        SubscriptionIndex index = SubscriptionIndex.of(List.of(big));

        assertThat(index.match(transfer("transfer.confirmed", ALICE, BOB, USDC, 99))).isEmpty();
        assertThat(index.match(transfer("transfer.observed", ALICE, BOB, USDC, 500))).isEmpty();
        assertThat(index.match(transfer("transfer.confirmed", ALICE, BOB, "0x" + "d".repeat(40), 500))).isEmpty();
        assertThat(index.match(transfer("transfer.confirmed", ALICE, BOB, USDC, 100))).containsExactly(big);
    }

    @Test
    void shouldMatchFraudAlertWhenSeverityAtLeastMinimum() {
        Subscription high = new Subscription(UUID.randomUUID(), "fraud", SubscriptionStatus.ACTIVE, List.of("fraud.alert"),
                List.of(), AddressRole.EITHER, List.of(), List.of(), null, null, AlertSeverity.HIGH, null, "x@example.com",
                10, null, "alice", Instant.now(), Instant.now());
        SubscriptionIndex index = SubscriptionIndex.of(List.of(high));

        assertThat(index.match(alert(AlertSeverity.MEDIUM))).isEmpty();
        assertThat(index.match(alert(AlertSeverity.CRITICAL))).containsExactly(high);
    }

    @Test
    void shouldMatchAnyCustodyKindWhenWildcardSubscribed() {
        Subscription custody = sub(List.of("custody.*"), List.of(), AddressRole.EITHER, List.of(), null);
        NotificationEvent completed = new NotificationEvent("e1", "custody.withdrawal.completed", "saga-1", Instant.now(),
                31337L, ALICE, null, null, null, BigInteger.TEN, null, Map.of());

        assertThat(SubscriptionIndex.of(List.of(custody)).match(completed)).containsExactly(custody);
    }

    @Test
    void shouldIgnorePausedSubscriptions() {
        Subscription paused = new Subscription(UUID.randomUUID(), "p", SubscriptionStatus.PAUSED, List.of("transfer.confirmed"),
                List.of(BOB), AddressRole.EITHER, List.of(), List.of(), null, null, null, null, "x@example.com", 10, null,
                "alice", Instant.now(), Instant.now());

        assertThat(SubscriptionIndex.of(List.of(paused)).match(transfer("transfer.confirmed", ALICE, BOB, USDC, 1))).isEmpty();
    }

    @Test
    void shouldExamineOnlySubscriptionsOfTheEventsAddressesWhenManyExist() {
        List<Subscription> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(sub(List.of("transfer.confirmed"), List.of(String.format("0x%040x", i + 1_000_000)), AddressRole.EITHER, List.of(), null));
        }
        Subscription bobs = sub(List.of("transfer.confirmed"), List.of(BOB), AddressRole.EITHER, List.of(), null);
        many.add(bobs);
        SubscriptionIndex index = SubscriptionIndex.of(many);
        NotificationEvent event = transfer("transfer.confirmed", ALICE, BOB, USDC, 1);

        assertThat(index.candidates(event)).isEqualTo(1);
        assertThat(index.match(event)).containsExactly(bobs);
    }

    private static Subscription sub(List<String> types, List<String> addresses, AddressRole role, List<String> tokens,
                                    BigInteger minValue) {
        return new Subscription(UUID.randomUUID(), "s", SubscriptionStatus.ACTIVE, types, addresses, role, tokens,
                List.of(), minValue, null, null, null, "x@example.com", 10, null, "alice", Instant.now(), Instant.now());
    }

    private static NotificationEvent transfer(String type, String from, String to, String token, long value) {
        return new NotificationEvent("31337:0xabc:0@0xblock:CONFIRMED", type, "31337:0xabc:0", Instant.now(), 31337L,
                from, to, token, TokenStandard.ERC20, BigInteger.valueOf(value), null, Map.of());
    }

    private static NotificationEvent alert(AlertSeverity severity) {
        return new NotificationEvent("a1:RAISED:1", "fraud.alert", "a1", Instant.now(), 31337L, ALICE, null, null, null,
                null, severity, Map.of());
    }
}
