package io.chainhub.fraud.screening;

import java.time.Clock;

import io.chainhub.events.custody.ScreeningCommand;
import io.chainhub.events.custody.ScreeningReply;
import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.topics.Topics;
import io.chainhub.fraud.rule.RuleRegistry;
import io.chainhub.fraud.watchlist.WatchlistRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers {@code custody-screening-commands} on {@code custody-screening-replies}. The container's Kafka
 * transaction covers the reply and the command's offset (consume-produce exactly once); the decision is
 * stored first under the command id, so a redelivered command (after a crash between the two) is answered
 * with the very same reply rather than a fresh decision on changed data.
 */
@Component
class ScreeningListener {

    static final String SOURCE = "/chainhub/fraud-service/screening";

    private final JdbcClient jdbc;
    private final KafkaTemplate<Object, Object> kafka;
    private final RuleRegistry rules;
    private final WatchlistRegistry lists;
    private final Clock clock = Clock.systemUTC();

    ScreeningListener(JdbcClient jdbc, KafkaTemplate<Object, Object> kafka, RuleRegistry rules,
            WatchlistRegistry lists) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.rules = rules;
        this.lists = lists;
    }

    @KafkaListener(id = "fraud-screening", topics = Topics.SCREENING_COMMANDS,
            groupId = "${spring.kafka.consumer.group-id}-screening")
    public void on(String json) {
        ScreeningCommand command = EventJson.mapper().readValue(json, ScreeningCommand.class);
        if (command.commandId() == null || command.withdrawalId() == null) {
            throw new IllegalArgumentException("screening command without commandId or withdrawalId");
        }
        String reply = storedReply(command.commandId());
        if (reply == null) {
            ScreeningReply decided = Screener.decide(command, rules.get(), lists.get(),
                    exposure(command.destination()), exposure(command.sourceAddress()), clock.instant());
            jdbc.sql("""
                    INSERT INTO screening_decision (command_id, withdrawal_id, reply) VALUES (?, ?, ?)
                    ON CONFLICT (command_id) DO NOTHING""")
                    .params(command.commandId(), command.withdrawalId(), EventJson.mapper().writeValueAsString(decided))
                    .update();
            reply = storedReply(command.commandId());
        }
        ScreeningReply answer = EventJson.mapper().readValue(reply, ScreeningReply.class);
        var record = new ProducerRecord<Object, Object>(Topics.SCREENING_REPLIES, command.withdrawalId(), reply);
        CloudEventHeaders.write(record.headers(), new CloudEvent(command.commandId() + ":reply", SOURCE,
                ScreeningReply.TYPE, answer.decidedAt(), command.withdrawalId()));
        kafka.send(record);
    }

    private String storedReply(String commandId) {
        return jdbc.sql("SELECT reply FROM screening_decision WHERE command_id = ?").param(commandId)
                .query(String.class).optional().orElse(null);
    }

    private Screener.AlertExposure exposure(String address) {
        if (address == null) {
            return new Screener.AlertExposure(0, 0);
        }
        return jdbc.sql("""
                SELECT count(*) AS open, count(*) FILTER (WHERE severity IN ('HIGH', 'CRITICAL')) AS high
                FROM fraud_alert WHERE subject_address = ? AND status IN ('OPEN', 'ACKNOWLEDGED')""")
                .param(address.trim().toLowerCase())
                .query((rs, i) -> new Screener.AlertExposure(rs.getLong("open"), rs.getLong("high"))).single();
    }
}
