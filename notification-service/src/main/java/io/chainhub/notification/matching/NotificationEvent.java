package io.chainhub.notification.matching;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.transfer.TokenStandard;

/**
 * Any consumed event reduced to what matching needs, plus the webhook {@code data} to send.
 *
 * @param id        the CloudEvents id: the dedup key of the source event
 * @param type      webhook type, e.g. {@code transfer.confirmed}, {@code fraud.alert}, {@code custody.withdrawal.completed}
 * @param subject   what it is about (transfer eventId, alert id, saga id): links a revert to its original
 * @param from      sender (transfers), or the one address of alerts and custody events
 * @param to        receiver (transfers), else null
 * @param token     token contract (lowercase), null for native or unknown
 * @param value     transfer value in base units, null when not a transfer
 * @param severity  fraud alerts only
 * @param data      the webhook body's {@code data}
 */
public record NotificationEvent(String id, String type, String subject, Instant time, Long chainId, String from,
                                String to, String token, TokenStandard standard, BigInteger value,
                                AlertSeverity severity, Map<String, Object> data) {

    public boolean isTransfer() {
        return type.startsWith("transfer.");
    }
}
