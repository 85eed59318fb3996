package io.chainhub.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.block.BlockStatus;
import io.chainhub.events.kafka.EventJson;
import io.chainhub.events.kafka.JsonSerde;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden samples pin the wire format: re-serialising a sample must give back exactly the same JSON
 * tree, so renaming a field, changing its type or dropping it fails here before it reaches a consumer.
 */
class WireFormatGoldenTest {

    private final JsonSerde<TransferEvent> transfers = JsonSerde.of(TransferEvent.class);
    private final JsonSerde<BlockEvent> blocks = JsonSerde.of(BlockEvent.class);

    @ParameterizedTest
    @CsvSource({
            "transfer-erc20-confirmed.v1.json, io.chainhub.events.transfer.TransferEvent",
            "transfer-native-observed.v1.json, io.chainhub.events.transfer.TransferEvent",
            "block-observed.v1.json, io.chainhub.events.block.BlockEvent"})
    void shouldRoundTripGoldenSampleUnchangedWhenSerialisedAgain(String sample, Class<?> type) throws IOException {
        byte[] golden = read(sample);

        Object event = EventJson.mapper().readValue(golden, type);
        JsonNode written = EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(event));

        JsonNode expected = EventJson.mapper().readTree(golden);
        assertThat(written).isEqualTo(expected);
        assertThat(fieldTypes(written)).isEqualTo(fieldTypes(expected));
    }

    @Test
    void shouldKeepUint256ValueExactWhenReadFromGoldenSample() throws IOException {
        TransferEvent event = transfers.deserializer().deserialize("t", read("transfer-erc20-confirmed.v1.json"));

        assertThat(event.value()).isEqualTo(
                "115792089237316195423570985008687907853269984665640564039457584007913129639935");
        assertThat(event.status()).isEqualTo(TransferStatus.CONFIRMED);
        assertThat(event.token().decimals()).isEqualTo(6);
        assertThat(event.cloudEventId()).isEqualTo(event.eventId() + "@" + event.blockHash() + ":CONFIRMED");
        assertThat(event.kafkaKey()).isEqualTo("31337:" + event.txHash());
    }

    @Test
    void shouldReadOlderSampleWithUnknownAndMissingFieldsWhenTolerant() throws IOException {
        TransferEvent event = transfers.deserializer().deserialize("t", read("transfer-erc1155-batch-legacy.json"));

        assertThat(event.standard()).isEqualTo(TokenStandard.ERC1155);
        assertThat(event.tokenId()).isEqualTo("2");
        assertThat(event.token().symbol()).isNull();
        assertThat(event.confirmations()).isZero();
    }

    @Test
    void shouldReadBlockSampleIntoRecord() throws IOException {
        BlockEvent block = blocks.deserializer().deserialize("b", read("block-observed.v1.json"));

        assertThat(block.status()).isEqualTo(BlockStatus.OBSERVED);
        assertThat(block.failedTxCount()).isEqualTo(1);
        assertThat(block.kafkaKey()).isEqualTo("31337");
    }

    /** Field name → JSON node type, recursively: a type change (string value → number) fails the test. */
    private static List<String> fieldTypes(JsonNode node) {
        List<String> types = new ArrayList<>();
        collect("", node, types);
        return types;
    }

    private static void collect(String path, JsonNode node, List<String> out) {
        out.add(path + ":" + node.getNodeType());
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path + "/" + field.getKey(), field.getValue(), out);
            }
        }
    }

    private static byte[] read(String sample) throws IOException {
        try (InputStream in = WireFormatGoldenTest.class.getResourceAsStream("/golden/" + sample)) {
            assertThat(in).as("sample %s on the classpath", sample).isNotNull();
            return in.readAllBytes();
        }
    }
}
