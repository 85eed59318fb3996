package io.chainhub.analytics.dashboard;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.chainhub.events.block.BlockEvent;
import io.chainhub.events.block.BlockStatus;
import io.chainhub.events.transfer.TokenRef;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.events.transfer.TransferStatus;

/** An hour of plausible activity on one chain: a block a minute, a few tokens, some whales. */
record DemoData(List<TransferEvent> transfers, List<BlockEvent> blocks) {

    private static final TokenRef[] TOKENS = {
            new TokenRef("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6),
            new TokenRef("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18),
            new TokenRef("0x6b175474e89094c44da98b954eedeac495271d0f", "DAI", 18),
            new TokenRef("0x514910771af9ca656af840dff83e8264ecf986ca", "LINK", 18)};
    private static final int[] WEIGHT = {8, 5, 4, 2};
    private static final long[] TYPICAL = {2_000, 3, 1_500, 80}; // whole tokens

    static DemoData generate(long chainId, Instant now, int minutes, long seed) {
        Random random = new Random(seed);
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            wallets.add(String.format("0x%040x", new BigInteger(159, random)));
        }
        List<TransferEvent> transfers = new ArrayList<>();
        List<BlockEvent> blocks = new ArrayList<>();
        long firstBlock = 18_000_000;
        for (int m = 0; m < minutes; m++) {
            long number = firstBlock + m;
            Instant time = now.minusSeconds((minutes - m) * 60L - 30);
            String hash = String.format("0x%064x", number * 7919 + chainId);
            boolean confirmed = m < minutes - 3;
            double wave = 1 + 0.6 * Math.sin(m / 7.0);
            int txs = 80 + random.nextInt(60);
            long baseFee = (long) (12e9 * wave);
            blocks.add(block(chainId, number, hash, time, BlockStatus.OBSERVED, txs, random, baseFee));
            if (confirmed) {
                blocks.add(block(chainId, number, hash, time, BlockStatus.CONFIRMED, txs, random, baseFee));
            }
            int perBlock = (int) (4 + 5 * wave + random.nextInt(4));
            for (int i = 0; i < perBlock; i++) {
                int t = pick(random);
                TokenRef token = TOKENS[t];
                double amount = TYPICAL[t] * Math.exp(random.nextGaussian() * 1.1);
                if (random.nextInt(40) == 0) {
                    amount *= 60; // a whale
                }
                BigInteger value = java.math.BigDecimal.valueOf(amount).movePointRight(token.decimals()).toBigInteger();
                String from = wallets.get(Math.min(wallets.size() - 1, (int) Math.abs(random.nextGaussian() * 6)));
                String to = wallets.get(random.nextInt(wallets.size()));
                String tx = String.format("0x%064x", new BigInteger(250, random));
                TransferEvent event = new TransferEvent(chainId + ":" + tx + ":0", TransferStatus.OBSERVED, chainId,
                        number, hash, time.getEpochSecond(), tx, 0, TokenStandard.ERC20, token, from, to,
                        value.toString(), null, 0);
                transfers.add(event);
                if (confirmed) {
                    transfers.add(event.withStatus(TransferStatus.CONFIRMED, 12));
                }
            }
        }
        return new DemoData(transfers, blocks);
    }

    private static int pick(Random random) {
        int total = 0;
        for (int w : WEIGHT) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < WEIGHT.length; i++) {
            r -= WEIGHT[i];
            if (r < 0) {
                return i;
            }
        }
        return 0;
    }

    private static BlockEvent block(long chainId, long number, String hash, Instant time, BlockStatus status, int txs,
            Random random, long baseFee) {
        long p50 = baseFee + 1_000_000_000L + random.nextInt(500_000_000);
        long p90 = p50 + 2_000_000_000L + random.nextInt(2_000_000_000);
        return new BlockEvent(chainId, number, hash, String.format("0x%064x", (number - 1) * 7919 + chainId),
                time.getEpochSecond(), status, txs, random.nextInt(4), Long.toString(txs * 95_000L), "30000000",
                Long.toString(baseFee), Long.toString(p50), Long.toString(p90));
    }
}
