package io.chainhub.devchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * Drives a dev chain (anvil) over JSON-RPC: deploys the demo contracts, makes token and
 * native transfers signed locally with anvil's well-known dev keys, and uses anvil's test
 * methods (mine, snapshot/revert, reorg, rollback). Every transfer waits for its receipt.
 * Not meant for concurrent senders on one account: nonces come from the pending count.
 */
public final class DevChain implements AutoCloseable {

    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    /** Private keys of anvil's first five dev accounts (derived from {@link #MNEMONIC}). */
    public static final List<String> DEV_PRIVATE_KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");

    public static final String TRANSFER_TOPIC = EventEncoder.buildEventSignature("Transfer(address,address,uint256)");
    public static final String TRANSFER_SINGLE_TOPIC =
            EventEncoder.buildEventSignature("TransferSingle(address,address,address,uint256,uint256)");
    public static final String TRANSFER_BATCH_TOPIC =
            EventEncoder.buildEventSignature("TransferBatch(address,address,address,uint256[],uint256[])");

    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final long RECEIPT_POLL_MILLIS = 100;
    /** 2 minutes of polling: enough for interval mining with long block times. */
    private static final int RECEIPT_POLL_ATTEMPTS = 1200;

    private final String rpcUrl;
    private final HttpService service;
    private final Web3j web3j;
    private final long chainId;
    private final TransactionReceiptProcessor receipts;

    private DevChain(String rpcUrl) {
        this.rpcUrl = rpcUrl;
        this.service = new HttpService(rpcUrl);
        this.web3j = Web3j.build(service);
        try {
            this.chainId = unchecked(() -> web3j.ethChainId().send()).getChainId().longValueExact();
        } catch (RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
        this.receipts = new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
    }

    /** Connects and reads the chain id (used for EIP-155 signing). */
    public static DevChain connect(String rpcUrl) {
        return new DevChain(rpcUrl);
    }

    /** Dev account {@code index} (0..4), funded with 10000 ETH by anvil. */
    public static Credentials account(int index) {
        return Credentials.create(DEV_PRIVATE_KEYS.get(index));
    }

    public Web3j web3j() {
        return web3j;
    }

    public long chainId() {
        return chainId;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    // ---- deployment -------------------------------------------------------------------

    public TxResult deploy(Credentials from, CompiledContract contract, Type<?>... constructorArgs) {
        String data = contract.bytecode() + FunctionEncoder.encodeConstructor(Arrays.asList(constructorArgs));
        return send(from, null, data, BigInteger.ZERO);
    }

    /** Deploys DemoToken (whole supply to the deployer), DemoNft and DemoMulti. */
    public DemoContracts deployDemoContracts(Credentials deployer) {
        String token = deploy(deployer, CompiledContract.load("DemoToken"), new Uint256(DemoContracts.TOKEN_INITIAL_SUPPLY))
                .contractAddress();
        String nft = deploy(deployer, CompiledContract.load("DemoNft")).contractAddress();
        String multi = deploy(deployer, CompiledContract.load("DemoMulti")).contractAddress();
        return new DemoContracts(token, nft, multi);
    }

    // ---- transfers ----------------------------------------------------------------------

    public TxResult sendEth(Credentials from, String to, BigInteger wei) {
        return send(from, to, "0x", wei);
    }

    public TxResult transferErc20(Credentials from, String token, String to, BigInteger amount) {
        return execute(from, token, function("transfer", new Address(to), new Uint256(amount)));
    }

    public TxResult mintErc721(Credentials from, String nft, String to, BigInteger tokenId) {
        return execute(from, nft, function("mint", new Address(to), new Uint256(tokenId)));
    }

    public TxResult transferErc721(Credentials owner, String nft, String to, BigInteger tokenId) {
        return execute(owner, nft, function("safeTransferFrom",
                new Address(owner.getAddress()), new Address(to), new Uint256(tokenId)));
    }

    public TxResult mintErc1155(Credentials from, String multi, String to, BigInteger id, BigInteger amount) {
        return execute(from, multi, function("mint", new Address(to), new Uint256(id), new Uint256(amount)));
    }

    public TxResult mintBatchErc1155(Credentials from, String multi, String to, List<BigInteger> ids, List<BigInteger> amounts) {
        return execute(from, multi, function("mintBatch", new Address(to), uints(ids), uints(amounts)));
    }

    public TxResult transferErc1155(Credentials owner, String multi, String to, BigInteger id, BigInteger amount) {
        return execute(owner, multi, function("safeTransferFrom", new Address(owner.getAddress()), new Address(to),
                new Uint256(id), new Uint256(amount), new DynamicBytes(new byte[0])));
    }

    public TxResult batchTransferErc1155(Credentials owner, String multi, String to, List<BigInteger> ids,
                                         List<BigInteger> amounts) {
        return execute(owner, multi, function("safeBatchTransferFrom", new Address(owner.getAddress()),
                new Address(to), uints(ids), uints(amounts), new DynamicBytes(new byte[0])));
    }

    /** Calls a contract function in a transaction. */
    public TxResult execute(Credentials from, String contract, Function function) {
        return send(from, contract, FunctionEncoder.encode(function), BigInteger.ZERO);
    }

    /**
     * Signs an EIP-1559 transaction locally, sends it and waits for a successful receipt.
     *
     * @param to null deploys {@code data} as a contract
     */
    public TxResult send(Credentials from, String to, String data, BigInteger value) {
        return unchecked(() -> {
            BigInteger gas = estimateGas(from.getAddress(), to, data, value);
            BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                    .getBlock().getBaseFeePerGas();
            // Twice the base fee survives several rising blocks, as wallets do.
            BigInteger maxFee = baseFee.shiftLeft(1).add(PRIORITY_FEE);
            RawTransactionManager manager = new RawTransactionManager(web3j, from, chainId, receipts);
            EthSendTransaction sent = manager.sendEIP1559Transaction(chainId, PRIORITY_FEE, maxFee, gas, to, data, value);
            if (sent.hasError()) {
                throw new IllegalStateException("transaction rejected: " + sent.getError().getMessage());
            }
            TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("transaction " + receipt.getTransactionHash() + " reverted: "
                        + receipt.getRevertReason());
            }
            return TxResult.of(receipt);
        });
    }

    private BigInteger estimateGas(String from, String to, String data, BigInteger value) throws IOException {
        var estimate = web3j.ethEstimateGas(
                Transaction.createFunctionCallTransaction(from, null, null, null, to, value, data)).send();
        if (estimate.hasError()) {
            // Reverts surface here with anvil's decoded reason, before anything is sent.
            throw new IllegalStateException("eth_estimateGas failed: " + estimate.getError().getMessage());
        }
        BigInteger gas = estimate.getAmountUsed();
        return gas.add(gas.divide(BigInteger.valueOf(5)));
    }

    // ---- reads --------------------------------------------------------------------------

    public BigInteger ethBalance(String address) {
        return unchecked(() -> web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
    }

    public BigInteger erc20BalanceOf(String token, String owner) {
        return callUint(token, function("balanceOf", new Address(owner)));
    }

    public BigInteger erc1155BalanceOf(String multi, String owner, BigInteger id) {
        return callUint(multi, function("balanceOf", new Address(owner), new Uint256(id)));
    }

    public String erc721OwnerOf(String nft, BigInteger tokenId) {
        Function fn = new Function("ownerOf", List.of(new Uint256(tokenId)), List.of(new TypeReference<Address>() { }));
        return ((Address) call(nft, fn).getFirst()).getValue();
    }

    public long blockNumber() {
        return unchecked(() -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    /** The canonical block at {@code number}, or null above the head. */
    public EthBlock.Block block(long number) {
        return unchecked(() -> web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()).getBlock();
    }

    public String blockHash(long number) {
        EthBlock.Block block = block(number);
        if (block == null) {
            throw new IllegalStateException("no block " + number + " (head is " + blockNumber() + ")");
        }
        return block.getHash();
    }

    // ---- anvil test methods -------------------------------------------------------------

    /** Mines {@code blocks} empty blocks (or with whatever is pending) at once. */
    public void mine(int blocks) {
        rpc("anvil_mine", "0x" + Integer.toHexString(blocks));
    }

    /** Returns the snapshot id for {@link #revert}. A revert consumes the snapshot. */
    public String snapshot() {
        return (String) rpc("evm_snapshot");
    }

    /** Returns the chain to the snapshot; blocks mined since are gone and the head number drops. */
    public boolean revert(String snapshotId) {
        return Boolean.TRUE.equals(rpc("evm_revert", snapshotId));
    }

    /**
     * Replaces the last {@code depth} blocks with new ones of the same height (new hashes).
     * Transactions of the replaced blocks are dropped, not re-included: their receipts vanish.
     */
    public void reorg(int depth, List<ReorgTx> replacementTxs) {
        rpc("anvil_reorg", depth, replacementTxs.stream().map(ReorgTx::toParam).toList());
    }

    public void reorg(int depth) {
        reorg(depth, List.of());
    }

    /** Removes the last {@code depth} blocks: the head number drops by {@code depth}. */
    public void rollback(int depth) {
        rpc("anvil_rollback", depth);
    }

    /** Any JSON-RPC method; the result as Jackson maps, lists, strings, numbers or booleans. */
    public Object rpc(String method, Object... params) {
        RawResponse response = unchecked(() -> new Request<>(method, Arrays.asList(params), service, RawResponse.class).send());
        if (response.hasError()) {
            throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
        }
        return response.getResult();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** Response type for {@link #rpc}: web3j needs a concrete class to deserialize into. */
    public static final class RawResponse extends Response<Object> {
    }

    // ---- helpers --------------------------------------------------------------------------

    private static Function function(String name, Type<?>... inputs) {
        return new Function(name, List.of(inputs), List.of());
    }

    private BigInteger callUint(String contract, Function fn) {
        Function withOutput = new Function(fn.getName(), fn.getInputParameters(), List.of(new TypeReference<Uint256>() { }));
        return ((Uint256) call(contract, withOutput).getFirst()).getValue();
    }

    @SuppressWarnings("rawtypes")
    private List<Type> call(String contract, Function fn) {
        var result = unchecked(() -> web3j.ethCall(
                Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(fn)),
                DefaultBlockParameterName.LATEST).send());
        if (result.hasError()) {
            throw new IllegalStateException(fn.getName() + " call failed: " + result.getError().getMessage());
        }
        return FunctionReturnDecoder.decode(result.getValue(), fn.getOutputParameters());
    }

    private static DynamicArray<Uint256> uints(List<BigInteger> values) {
        return new DynamicArray<>(Uint256.class, values.stream().map(Uint256::new).toList());
    }

    private interface IoCall<T> {
        T call() throws IOException, TransactionException;
    }

    private static <T> T unchecked(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TransactionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
