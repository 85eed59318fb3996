package io.chainhub.events;

import java.time.Instant;

import io.chainhub.events.kafka.CloudEvent;
import io.chainhub.events.kafka.CloudEventHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventHeadersTest {

    @Test
    void shouldReadBackWhatWasWrittenWhenBinaryMode() {
        RecordHeaders headers = new RecordHeaders();
        CloudEvent event = new CloudEvent("31337:0xabc:1@0xdef:OBSERVED", "/chainhub/listener/31337",
                "io.chainhub.transfer.observed.v1", Instant.parse("2026-11-22T10:15:30Z"), "31337:0xabc:1");

        CloudEventHeaders.write(headers, event);

        assertThat(CloudEventHeaders.read(headers)).contains(event);
        assertThat(new String(headers.lastHeader("ce_specversion").value())).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("content-type").value())).isEqualTo("application/json");
    }

    @Test
    void shouldReplaceHeadersWhenWrittenTwice() {
        RecordHeaders headers = new RecordHeaders();
        Instant now = Instant.now();
        CloudEventHeaders.write(headers, new CloudEvent("a", "/s", "t.v1", now, null));
        CloudEventHeaders.write(headers, new CloudEvent("b", "/s", "t.v1", now, null));

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(CloudEventHeaders.read(headers).orElseThrow().id()).isEqualTo("b");
    }

    @Test
    void shouldBeEmptyWhenRecordCarriesNoCloudEventHeaders() {
        assertThat(CloudEventHeaders.read(new RecordHeaders())).isEmpty();
    }
}
