package io.chainhub.listener.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import static org.assertj.core.api.Assertions.assertThat;

class TransferDecoderTest {

    private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String ALICE = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String BOB = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String TX = "0x" + "ab".repeat(32);

    private final TransferDecoder decoder = new TransferDecoder(31337, "ETH",
            (address, standard) -> new TokenRef(address, "TKN", standard == TokenStandard.ERC20 ? 6 : 0));

    @Test
    void shouldDecodeErc20TransferWithValueFromData() {
        Log log = log(0, TransferLogs.TRANSFER, List.of(topic(ALICE), topic(BOB)), word(1_500_000));

        List<TransferEvent> events = decoder.decode(block(tx(BigInteger.ZERO), receipt(true, log)));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("31337:" + TX + ":0");
            assertThat(event.standard()).isEqualTo(TokenStandard.ERC20);
            assertThat(event.from()).isEqualTo(ALICE);
            assertThat(event.to()).isEqualTo(BOB);
            assertThat(event.value()).isEqualTo("1500000");
            assertThat(event.token().address()).isEqualTo(TOKEN.toLowerCase());
            assertThat(event.tokenId()).isNull();
        });
    }

    @Test
    void shouldDecodeErc721WhenTokenIdIsIndexed() {
        Log log = log(2, TransferLogs.TRANSFER, List.of(topic(ALICE), topic(BOB), "0x" + word(42)), "0x");

        TransferEvent event = decoder.decode(block(tx(BigInteger.ZERO), receipt(true, log))).getFirst();

        assertThat(event.standard()).isEqualTo(TokenStandard.ERC721);
        assertThat(event.tokenId()).isEqualTo("42");
        assertThat(event.value()).isEqualTo("1");
    }

    @Test
    void shouldEmitOneEventPerIdWhenErc1155Batch() {
        String operator = topic(ALICE);
        // ids at offset 0x40, values after them: [7, 8] and [100, 200]
        String data = "0x" + word(64) + word(160) + word(2) + word(7) + word(8) + word(2) + word(100) + word(200);
        Log log = log(5, TransferLogs.TRANSFER_BATCH, List.of(operator, topic(ALICE), topic(BOB)), data);

        List<TransferEvent> events = decoder.decode(block(tx(BigInteger.ZERO), receipt(true, log)));

        assertThat(events).extracting(TransferEvent::eventId)
                .containsExactly("31337:" + TX + ":5:0", "31337:" + TX + ":5:1");
        assertThat(events).extracting(TransferEvent::tokenId).containsExactly("7", "8");
        assertThat(events).extracting(TransferEvent::value).containsExactly("100", "200");
    }

    @Test
    void shouldDecodeErc1155SingleIdAndValue() {
        Log log = log(1, TransferLogs.TRANSFER_SINGLE, List.of(topic(ALICE), topic(ALICE), topic(BOB)), "0x" + word(3) + word(9));

        TransferEvent event = decoder.decode(block(tx(BigInteger.ZERO), receipt(true, log))).getFirst();

        assertThat(event.tokenId()).isEqualTo("3");
        assertThat(event.value()).isEqualTo("9");
    }

    @Test
    void shouldEmitNativeTransferWhenSuccessfulTransactionCarriesValue() {
        List<TransferEvent> events = decoder.decode(block(tx(new BigInteger("1000000000000000000")), receipt(true)));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("31337:" + TX + ":native");
            assertThat(event.standard()).isEqualTo(TokenStandard.NATIVE);
            assertThat(event.logIndex()).isNull();
            assertThat(event.token().address()).isNull();
            assertThat(event.token().decimals()).isEqualTo(18);
        });
    }

    @Test
    void shouldIgnoreFailedTransactions() {
        Log log = log(0, TransferLogs.TRANSFER, List.of(topic(ALICE), topic(BOB)), word(1));

        assertThat(decoder.decode(block(tx(BigInteger.TEN), receipt(false, log)))).isEmpty();
    }

    @Test
    void shouldSkipMalformedLogAndKeepTheRest() {
        Log broken = log(0, TransferLogs.TRANSFER, List.of(topic(ALICE), topic(BOB)), "0x1234");
        Log good = log(1, TransferLogs.TRANSFER, List.of(topic(ALICE), topic(BOB)), word(5));

        assertThat(decoder.decode(block(tx(BigInteger.ZERO), receipt(true, broken, good))))
                .extracting(TransferEvent::value).containsExactly("5");
    }

    private static ChainBlock block(EthBlock.TransactionObject tx, TransactionReceipt receipt) {
        EthBlock.Block block = new EthBlock.Block();
        block.setNumber("0x10");
        block.setHash("0x" + "11".repeat(32));
        block.setParentHash("0x" + "22".repeat(32));
        block.setTimestamp("0x5f5e100");
        block.setTransactions(new ArrayList<>(List.of(tx)));
        return new ChainBlock(block, List.of(receipt));
    }

    private static EthBlock.TransactionObject tx(BigInteger value) {
        EthBlock.TransactionObject tx = new EthBlock.TransactionObject();
        tx.setHash(TX);
        tx.setFrom(ALICE);
        tx.setTo(TOKEN);
        tx.setValue("0x" + value.toString(16));
        return tx;
    }

    private static TransactionReceipt receipt(boolean ok, Log... logs) {
        TransactionReceipt receipt = new TransactionReceipt();
        receipt.setTransactionHash(TX);
        receipt.setStatus(ok ? "0x1" : "0x0");
        receipt.setLogs(List.of(logs));
        return receipt;
    }

    private static Log log(int index, String signature, List<String> indexed, String data) {
        Log log = new Log();
        List<String> topics = new ArrayList<>();
        topics.add(signature);
        topics.addAll(indexed);
        log.setTopics(topics);
        log.setData(data.startsWith("0x") ? data : "0x" + data);
        log.setAddress(TOKEN);
        log.setTransactionHash(TX);
        log.setLogIndex("0x" + Integer.toHexString(index));
        return log;
    }

    private static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static String word(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
