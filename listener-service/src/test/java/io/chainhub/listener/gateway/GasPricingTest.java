package io.chainhub.listener.gateway;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GasPricingTest {

    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private final GasPricing pricing = new GasPricing(2, GWEI.multiply(BigInteger.TWO));

    @Test
    void shouldPriceTwiceTheBaseFeePlusTheSuggestedTipWhenTipIsBelowCap() {
        assertThat(pricing.price(GWEI, GWEI, GWEI.multiply(BigInteger.valueOf(50))))
                .isEqualTo(GWEI.multiply(BigInteger.valueOf(3)));
    }

    @Test
    void shouldCapTheTipWhenNodeSuggestsARunawayTip() {
        BigInteger runaway = GWEI.multiply(BigInteger.valueOf(1_000_000));

        assertThat(pricing.price(GWEI, runaway, runaway)).isEqualTo(GWEI.multiply(BigInteger.valueOf(4)));
    }

    @Test
    void shouldUseTheCapWhenNodeSuggestsNoTip() {
        assertThat(pricing.price(GWEI, null, GWEI)).isEqualTo(GWEI.multiply(BigInteger.valueOf(4)));
    }

    @Test
    void shouldMultiplyEthGasPriceWhenChainHasNoBaseFee() {
        assertThat(pricing.price(null, null, GWEI.multiply(BigInteger.valueOf(7))))
                .isEqualTo(GWEI.multiply(BigInteger.valueOf(14)));
    }
}
