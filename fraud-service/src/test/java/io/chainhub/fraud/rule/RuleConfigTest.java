package io.chainhub.fraud.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;

import io.chainhub.events.fraud.AlertSeverity;
import org.junit.jupiter.api.Test;

/** Per-token amounts, resolved once per configuration and token: a new version must not see the old answer. */
class RuleConfigTest {

    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    private final RuleConfig config = new RuleConfig("large-transfer", 1, RuleMode.ACTIVE, AlertSeverity.MEDIUM,
            Map.of("threshold.native", "100", "threshold.default", "2.5"));

    @Test
    void shouldUseExactTokenAmountInBaseUnitsWhenSet() {
        assertThat(config.amount("threshold", "native", 18)).contains(BigInteger.valueOf(100));
    }

    @Test
    void shouldScaleDefaultByTokenDecimals() {
        assertThat(config.amount("threshold", TOKEN, 6)).contains(BigInteger.valueOf(2_500_000));
        assertThat(config.amount("threshold", TOKEN, 2)).contains(BigInteger.valueOf(250));
        assertThat(config.amount("threshold", TOKEN, null)).isEmpty();
        assertThat(config.amount("maxAmount", TOKEN, 6)).isEmpty();
    }

    @Test
    void shouldSeeNewAmountWhenParametersChange() {
        assertThat(config.amount("threshold", TOKEN, 6)).contains(BigInteger.valueOf(2_500_000));

        RuleConfig changed = config.withParameters(Map.of("threshold.default", "3", "threshold." + TOKEN, "7"));

        assertThat(changed.amount("threshold", TOKEN, 6)).contains(BigInteger.valueOf(7));
        assertThat(changed.amount("threshold", "0x" + "1".repeat(40), 6)).contains(BigInteger.valueOf(3_000_000));
        assertThat(config.amount("threshold", TOKEN, 6)).contains(BigInteger.valueOf(2_500_000));
    }
}
