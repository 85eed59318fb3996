package io.chainhub.devchain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.utils.Convert;

/**
 * Deploys the demo contracts on a running dev chain and makes a few transfers of every kind,
 * so a freshly started stack has something to show. Usage:
 * {@code java -cp ... io.chainhub.devchain.DemoScenario [rpcUrl]} (default http://127.0.0.1:8545).
 */
public final class DemoScenario {

    private final DevChain chain;
    private final List<TxResult> transactions = new ArrayList<>();

    public DemoScenario(DevChain chain) {
        this.chain = chain;
    }

    public static void main(String[] args) {
        String rpcUrl = args.length > 0 ? args[0] : "http://127.0.0.1:8545";
        try (DevChain chain = DevChain.connect(rpcUrl)) {
            System.out.println("[demo] connected to " + rpcUrl + " (chain id " + chain.chainId() + ")");
            new DemoScenario(chain).run();
        }
    }

    /** Runs the whole scenario and returns the deployed contracts. */
    public DemoContracts run() {
        Credentials deployer = DevChain.account(0);
        Credentials alice = DevChain.account(1);
        Credentials bob = DevChain.account(2);
        Credentials carol = DevChain.account(3);

        long firstBlock = chain.blockNumber() + 1;
        DemoContracts contracts = chain.deployDemoContracts(deployer);
        System.out.println("[demo] deployed DemoToken at " + contracts.token());
        System.out.println("[demo] deployed DemoNft at " + contracts.nft());
        System.out.println("[demo] deployed DemoMulti at " + contracts.multi());

        // ERC-20: the deployer holds the supply and pays people, who pay each other.
        erc20(deployer, contracts.token(), alice, 1_000);
        erc20(deployer, contracts.token(), bob, 250);
        erc20(alice, contracts.token(), carol, 42);

        // ERC-721: mint to alice, then she hands each token on.
        for (int id = 1; id <= 2; id++) {
            BigInteger tokenId = BigInteger.valueOf(id);
            record("ERC-721 mint #" + id, deployer, alice, chain.mintErc721(deployer, contracts.nft(), alice.getAddress(), tokenId));
            record("ERC-721 transfer #" + id, alice, id == 1 ? bob : carol,
                    chain.transferErc721(alice, contracts.nft(), (id == 1 ? bob : carol).getAddress(), tokenId));
        }

        // ERC-1155: a batch mint to alice, then a single and a batch transfer out of it.
        List<BigInteger> ids = List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
        record("ERC-1155 mintBatch ids 1,2,3", deployer, alice, chain.mintBatchErc1155(deployer, contracts.multi(),
                alice.getAddress(), ids, List.of(BigInteger.valueOf(100), BigInteger.valueOf(50), BigInteger.valueOf(10))));
        record("ERC-1155 single id 1 x5", alice, bob,
                chain.transferErc1155(alice, contracts.multi(), bob.getAddress(), BigInteger.ONE, BigInteger.valueOf(5)));
        record("ERC-1155 batch ids 2,3", alice, carol, chain.batchTransferErc1155(alice, contracts.multi(),
                carol.getAddress(), ids.subList(1, 3), List.of(BigInteger.valueOf(7), BigInteger.valueOf(3))));

        // Native ETH.
        record("ETH 1.5", deployer, alice, chain.sendEth(deployer, alice.getAddress(), Convert.toWei("1.5", Convert.Unit.ETHER).toBigInteger()));
        record("ETH 0.25", bob, carol, chain.sendEth(bob, carol.getAddress(), Convert.toWei("0.25", Convert.Unit.ETHER).toBigInteger()));

        System.out.printf("[demo] summary: chain %d, blocks %d..%d%n", chain.chainId(), firstBlock, chain.blockNumber());
        System.out.printf("[demo]   DemoToken (%s) %s: 3 ERC-20 transfers%n", DemoContracts.TOKEN_SYMBOL, contracts.token());
        System.out.printf("[demo]   DemoNft (%s) %s: 2 mints, 2 transfers%n", DemoContracts.NFT_SYMBOL, contracts.nft());
        System.out.printf("[demo]   DemoMulti (%s) %s: 1 batch mint, 1 single and 1 batch transfer%n",
                DemoContracts.MULTI_SYMBOL, contracts.multi());
        System.out.printf("[demo]   native ETH: 2 transfers; %d transactions in all%n", transactions.size() + 3);
        return contracts;
    }

    private void erc20(Credentials from, String token, Credentials to, long wholeTokens) {
        BigInteger amount = BigInteger.TEN.pow(DemoContracts.TOKEN_DECIMALS).multiply(BigInteger.valueOf(wholeTokens));
        record("ERC-20 " + wholeTokens + " " + DemoContracts.TOKEN_SYMBOL, from, to,
                chain.transferErc20(from, token, to.getAddress(), amount));
    }

    private void record(String what, Credentials from, Credentials to, TxResult tx) {
        transactions.add(tx);
        System.out.printf("[demo] %s %s→%s tx %s (block %d)%n", what, shortAddress(from), shortAddress(to), tx.txHash(),
                tx.blockNumber());
    }

    private static String shortAddress(Credentials account) {
        String address = account.getAddress();
        return address.substring(0, 6) + ".." + address.substring(address.length() - 4);
    }
}
