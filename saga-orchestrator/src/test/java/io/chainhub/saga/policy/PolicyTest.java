package io.chainhub.saga.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final String DEST = "0x00000000000000000000000000000000000000d1";

    @Test
    void shouldAllowWhenNoRuleSelectsTheWithdrawal() {
        Policy policy = new Policy(2, List.of(rule("other", "treasury", null, null, BigInteger.ZERO, 2, null)));

        assertThat(policy.evaluate(request("retail", 5000, 0))).isEqualTo(new PolicyOutcome.Allow(2));
    }

    @Test
    void shouldRequireApprovalsWhenAmountAboveThreshold() {
        Policy policy = new Policy(2, List.of(rule("big", null, null, null, BigInteger.valueOf(1000), 2, null)));

        PolicyOutcome outcome = policy.evaluate(request("retail", 1001, 0));

        assertThat(outcome).isInstanceOfSatisfying(PolicyOutcome.RequireApproval.class, r -> assertThat(r.approvals()).isEqualTo(2));
        assertThat(policy.evaluate(request("retail", 1000, 0))).isInstanceOf(PolicyOutcome.Allow.class);
    }

    @Test
    void shouldBlockWhenDestinationNotOnAllowList() {
        Policy policy = new Policy(2, List.of(rule("list", null, List.of("0x00000000000000000000000000000000000000aa"), null, null, null, null)));

        assertThat(policy.evaluate(request("retail", 1, 0))).isInstanceOf(PolicyOutcome.Block.class);
    }

    @Test
    void shouldBlockWhenAboveBlockLimit() {
        Policy policy = new Policy(2, List.of(rule("cap", null, null, BigInteger.valueOf(100), null, null, null)));

        assertThat(policy.evaluate(request("retail", 101, 0))).isInstanceOf(PolicyOutcome.Block.class);
    }

    @Test
    void shouldBlockWhenVelocityExceededWithinWindow() {
        Policy policy = new Policy(2, List.of(rule("velocity", null, null, null, null, null, BigInteger.valueOf(1500))));

        assertThat(policy.evaluate(request("retail", 600, 1000))).isInstanceOf(PolicyOutcome.Block.class);
        assertThat(policy.evaluate(request("retail", 500, 1000))).isInstanceOf(PolicyOutcome.Allow.class);
    }

    @Test
    void shouldApplyLargestQuorumWhenSeveralRulesRequireApproval() {
        Policy policy = new Policy(2, List.of(rule("a", null, null, null, BigInteger.ZERO, 1, null),
                rule("b", "retail", null, null, BigInteger.valueOf(10), 3, null)));

        assertThat(policy.evaluate(request("retail", 50, 0)))
                .isInstanceOfSatisfying(PolicyOutcome.RequireApproval.class, r -> assertThat(r.approvals()).isEqualTo(3));
    }

    private static PolicyRule rule(String name, String group, List<String> allowed, BigInteger blockAbove,
                                   BigInteger approvalAbove, Integer approvals, BigInteger velocity) {
        return new PolicyRule(name, null, null, group, allowed, blockAbove, approvalAbove, approvals, null,
                null, velocity, Duration.ofHours(1));
    }

    private static WithdrawalRequest request(String group, long amount, long recent) {
        return new WithdrawalRequest(31337, "native", group, BigInteger.valueOf(amount), DEST, window -> BigInteger.valueOf(recent));
    }
}
