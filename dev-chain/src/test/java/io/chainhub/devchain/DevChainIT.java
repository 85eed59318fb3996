package io.chainhub.devchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Runs against a real anvil started from dev-chain/node_modules. */
class DevChainIT {

    private static final Credentials DEPLOYER = DevChain.account(0);
    private static final Credentials ALICE = DevChain.account(1);
    private static final Credentials BOB = DevChain.account(2);
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private static Anvil anvil;
    private static DevChain chain;
    private static DemoContracts contracts;

    @BeforeAll
    static void startChain() {
        // Under target/ so a failed build leaves the chain's log next to the test reports.
        anvil = Anvil.start(Anvil.Options.defaults().withLogFile(Path.of("target", "anvil-it.log")));
        chain = DevChain.connect(anvil.httpUrl());
        contracts = chain.deployDemoContracts(DEPLOYER);
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
        if (anvil != null) {
            anvil.close();
            assertThat(anvil.isAlive()).isFalse();
        }
    }

    @Test
    void deploysTheDemoContractsWithTheSupplyAtTheDeployer() {
        assertThat(chain.chainId()).isEqualTo(Anvil.DEFAULT_CHAIN_ID);
        assertThat(List.of(contracts.token(), contracts.nft(), contracts.multi())).doesNotHaveDuplicates()
                .allMatch(address -> address.matches("0x[0-9a-f]{40}"));
        assertThat(chain.erc20BalanceOf(contracts.token(), DEPLOYER.getAddress()))
                .isGreaterThan(BigInteger.ZERO).isLessThanOrEqualTo(DemoContracts.TOKEN_INITIAL_SUPPLY);
        assertThat(anvil.wsUrl()).isEqualTo("ws://127.0.0.1:" + anvil.port());
    }

    @Test
    void erc20TransferEmitsTransfer() {
        BigInteger amount = BigInteger.valueOf(1_234_567);
        BigInteger before = chain.erc20BalanceOf(contracts.token(), ALICE.getAddress());

        TxResult tx = chain.transferErc20(DEPLOYER, contracts.token(), ALICE.getAddress(), amount);

        assertLanded(tx);
        Log log = single(tx);
        assertThat(log.getAddress()).isEqualTo(contracts.token());
        assertThat(log.getTopics()).containsExactly(DevChain.TRANSFER_TOPIC, topic(DEPLOYER), topic(ALICE));
        assertThat(Numeric.toBigInt(log.getData())).isEqualTo(amount);
        assertThat(chain.erc20BalanceOf(contracts.token(), ALICE.getAddress())).isEqualTo(before.add(amount));
    }

    @Test
    void erc721MintAndTransferEmitTransferWithTheTokenIdIndexed() {
        BigInteger tokenId = BigInteger.valueOf(721);

        TxResult mint = chain.mintErc721(DEPLOYER, contracts.nft(), ALICE.getAddress(), tokenId);
        TxResult transfer = chain.transferErc721(ALICE, contracts.nft(), BOB.getAddress(), tokenId);

        assertThat(single(mint).getTopics()).containsExactly(DevChain.TRANSFER_TOPIC, topic(ZERO), topic(ALICE), uintTopic(tokenId));
        Log log = single(transfer);
        assertThat(log.getAddress()).isEqualTo(contracts.nft());
        assertThat(log.getTopics()).containsExactly(DevChain.TRANSFER_TOPIC, topic(ALICE), topic(BOB), uintTopic(tokenId));
        assertThat(transfer.blockNumber()).isGreaterThan(mint.blockNumber());
        assertThat(chain.erc721OwnerOf(contracts.nft(), tokenId)).isEqualToIgnoringCase(BOB.getAddress());
    }

    @Test
    void erc1155SingleTransferEmitsTransferSingle() {
        BigInteger id = BigInteger.valueOf(11);
        chain.mintErc1155(DEPLOYER, contracts.multi(), ALICE.getAddress(), id, BigInteger.valueOf(20));

        TxResult tx = chain.transferErc1155(ALICE, contracts.multi(), BOB.getAddress(), id, BigInteger.valueOf(6));

        Log log = single(tx);
        assertThat(log.getAddress()).isEqualTo(contracts.multi());
        // operator, from, to
        assertThat(log.getTopics()).containsExactly(DevChain.TRANSFER_SINGLE_TOPIC, topic(ALICE), topic(ALICE), topic(BOB));
        assertThat(words(log.getData())).containsExactly(id, BigInteger.valueOf(6));
        assertThat(chain.erc1155BalanceOf(contracts.multi(), BOB.getAddress(), id)).isEqualTo(6);
    }

    @Test
    void erc1155BatchMintAndTransferEmitTransferBatch() {
        List<BigInteger> ids = List.of(BigInteger.valueOf(21), BigInteger.valueOf(22));

        TxResult mint = chain.mintBatchErc1155(DEPLOYER, contracts.multi(), ALICE.getAddress(), ids,
                List.of(BigInteger.valueOf(100), BigInteger.valueOf(200)));
        TxResult tx = chain.batchTransferErc1155(ALICE, contracts.multi(), BOB.getAddress(), ids,
                List.of(BigInteger.valueOf(1), BigInteger.valueOf(2)));

        assertThat(single(mint).getTopics()).containsExactly(DevChain.TRANSFER_BATCH_TOPIC, topic(DEPLOYER), topic(ZERO), topic(ALICE));
        Log log = single(tx);
        assertThat(log.getTopics()).containsExactly(DevChain.TRANSFER_BATCH_TOPIC, topic(ALICE), topic(ALICE), topic(BOB));
        // data = (uint256[] ids, uint256[] values)
        assertThat(decodeUintArrays(log.getData(), 2)).containsExactly(ids, List.of(BigInteger.ONE, BigInteger.TWO));
    }

    @Test
    void nativeTransferHasNoLogsAndMovesTheValue() {
        BigInteger wei = BigInteger.TEN.pow(17);
        BigInteger before = chain.ethBalance(BOB.getAddress());

        TxResult tx = chain.sendEth(ALICE, BOB.getAddress(), wei);

        assertLanded(tx);
        assertThat(tx.logs()).isEmpty();
        assertThat(tx.receipt().getTo()).isEqualToIgnoringCase(BOB.getAddress());
        assertThat(chain.ethBalance(BOB.getAddress())).isEqualTo(before.add(wei));
    }

    @Test
    void revertToSnapshotThenNewBlockGivesTheHeightANewHash() {
        String snapshot = chain.snapshot();
        TxResult original = chain.sendEth(ALICE, BOB.getAddress(), BigInteger.ONE);
        chain.mine(3);
        assertThat(chain.blockNumber()).isEqualTo(original.blockNumber() + 3);

        assertThat(chain.revert(snapshot)).isTrue();

        assertThat(chain.blockNumber()).isEqualTo(original.blockNumber() - 1);
        TxResult replacement = chain.sendEth(BOB, ALICE.getAddress(), BigInteger.TWO);
        assertThat(replacement.blockNumber()).isEqualTo(original.blockNumber());
        assertThat(replacement.blockHash()).isNotEqualTo(original.blockHash());
        assertThat(chain.blockHash(original.blockNumber())).isEqualTo(replacement.blockHash());
    }

    @Test
    void anvilReorgReplacesTheHeadBlocksAndDropsTheirTransactions() {
        TxResult original = chain.transferErc20(DEPLOYER, contracts.token(), BOB.getAddress(), BigInteger.valueOf(77));
        chain.mine(1);
        long height = original.blockNumber();
        String parentHash = chain.blockHash(height - 1);

        chain.reorg(2, List.of(ReorgTx.nativeTransfer(ALICE.getAddress(), BOB.getAddress(), BigInteger.ONE, 0)));

        assertThat(chain.blockNumber()).isEqualTo(height + 1);
        assertThat(chain.blockHash(height)).isNotEqualTo(original.blockHash());
        assertThat(chain.block(height).getParentHash()).isEqualTo(parentHash);
        assertThat(chain.block(height).getTransactions()).hasSize(1);
        assertThat(receipt(original.txHash())).as("dropped by the reorg").isNull();
    }

    @Test
    void rollbackRemovesHeadBlocks() {
        chain.mine(3);
        long head = chain.blockNumber();

        chain.rollback(2);

        assertThat(chain.blockNumber()).isEqualTo(head - 2);
        assertThat(chain.block(head)).isNull();
    }

    @Test
    void demoScenarioRunsEndToEnd() {
        long before = chain.blockNumber();

        DemoContracts deployed = new DemoScenario(chain).run();

        // 3 deployments + 3 ERC-20 + 4 ERC-721 + 3 ERC-1155 + 2 native, one block each with automine.
        assertThat(chain.blockNumber()).isEqualTo(before + 15);
        assertThat(chain.erc721OwnerOf(deployed.nft(), BigInteger.TWO)).isEqualToIgnoringCase(DevChain.account(3).getAddress());
    }

    @Test
    void revertingCallFailsBeforeSendingWithTheReason() {
        long head = chain.blockNumber();

        assertThatThrownBy(() -> chain.transferErc721(BOB, contracts.nft(), ALICE.getAddress(), BigInteger.valueOf(999_999)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eth_estimateGas")
                .hasMessageContaining("revert");
        assertThat(chain.blockNumber()).isEqualTo(head);
    }

    @Test
    void explicitPortAlreadyInUseIsRefused() {
        assertThatThrownBy(() -> Anvil.start(Anvil.Options.defaults().withPort(anvil.port())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in use");
    }

    @Test
    void intervalMiningProducesBlocksWithoutTransactions(@TempDir Path dir) {
        try (Anvil interval = Anvil.start(Anvil.Options.defaults().withBlockTime(Duration.ofMillis(200)).withChainId(4242)
                .withLogFile(dir.resolve("anvil.log")));
             DevChain other = DevChain.connect(interval.httpUrl())) {
            assertThat(other.chainId()).isEqualTo(4242);
            await().atMost(Duration.ofSeconds(10)).until(other::blockNumber, n -> n >= 3);
            assertThat(dir.resolve("anvil.log")).content().contains("Listening on");
        }
    }

    @Test
    void stateFileSurvivesARestart(@TempDir Path dir) {
        Anvil.Options options = Anvil.Options.defaults().withState(dir.resolve("state.json"), null)
                .withLogFile(dir.resolve("anvil.log"));
        TxResult tx;
        try (Anvil first = Anvil.start(options); DevChain c = DevChain.connect(first.httpUrl())) {
            tx = c.sendEth(ALICE, "0x000000000000000000000000000000000000dead", BigInteger.valueOf(12345));
        }
        try (Anvil second = Anvil.start(options); DevChain c = DevChain.connect(second.httpUrl())) {
            assertThat(c.ethBalance("0x000000000000000000000000000000000000dead")).isEqualTo(12345);
            assertThat(c.blockNumber()).isGreaterThanOrEqualTo(tx.blockNumber());
        }
    }

    // ---- helpers ----------------------------------------------------------------------

    private static void assertLanded(TxResult tx) {
        assertThat(tx.txHash()).matches("0x[0-9a-f]{64}");
        assertThat(tx.blockHash()).isEqualTo(chain.blockHash(tx.blockNumber()));
        assertThat(tx.receipt().isStatusOK()).isTrue();
    }

    private static Log single(TxResult tx) {
        assertThat(tx.logs()).hasSize(1);
        Log log = tx.logs().getFirst();
        assertThat(log.getBlockHash()).isEqualTo(tx.blockHash());
        return log;
    }

    private static String topic(Credentials account) {
        return topic(account.getAddress());
    }

    private static String topic(String address) {
        return "0x" + "0".repeat(24) + Numeric.cleanHexPrefix(address).toLowerCase();
    }

    private static String uintTopic(BigInteger value) {
        return Numeric.toHexStringWithPrefixZeroPadded(value, 64);
    }

    /** Splits ABI data into its 32-byte words, read as unsigned integers. */
    private static List<BigInteger> words(String data) {
        String hex = Numeric.cleanHexPrefix(data);
        return IntStream.range(0, hex.length() / 64)
                .mapToObj(i -> new BigInteger(hex.substring(i * 64, i * 64 + 64), 16)).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<BigInteger>> decodeUintArrays(String data, int count) {
        List types = Collections.nCopies(count, new TypeReference<DynamicArray<Uint256>>() { });
        List<Type> arrays = FunctionReturnDecoder.decode(data, types);
        return arrays.stream().map(array -> ((List<Uint256>) array.getValue()).stream().map(Uint256::getValue).toList()).toList();
    }

    private static TransactionReceipt receipt(String txHash) {
        try {
            return chain.web3j().ethGetTransactionReceipt(txHash).send().getTransactionReceipt().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
