package io.chainhub.listener.gateway;

import java.math.BigInteger;

/**
 * The gas price a withdrawal is signed at (a legacy transaction: one price, never raised afterwards).
 *
 * <p>On a chain with a base fee it is {@code baseFeeFactor × baseFee + tip}, the tip being the node's suggestion
 * capped at {@code maxTip}: room for the base fee to rise for a few blocks, and a tip that cannot run away. A
 * multiple of {@code eth_gasPrice} can: the node derives that price from recent blocks' tips, and when the
 * gateway's own transactions fill those blocks every price it pays raises the next suggestion (seen on anvil
 * with 1-second blocks: the price doubled per block until a transfer cost hundreds of ETH in gas). Without a
 * base fee (pre-London chains) only {@code eth_gasPrice} is there to go by.
 */
record GasPricing(int baseFeeFactor, BigInteger maxTip) {

    BigInteger price(BigInteger baseFee, BigInteger suggestedTip, BigInteger suggestedGasPrice) {
        if (baseFee == null) {
            return suggestedGasPrice.multiply(BigInteger.valueOf(baseFeeFactor));
        }
        BigInteger tip = suggestedTip == null ? maxTip : suggestedTip.min(maxTip);
        return baseFee.multiply(BigInteger.valueOf(baseFeeFactor)).add(tip);
    }
}
