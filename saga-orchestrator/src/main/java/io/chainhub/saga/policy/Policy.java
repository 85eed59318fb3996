package io.chainhub.saga.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A version of the withdrawal policy: its rules, evaluated together. Any BLOCK wins; otherwise the
 * strictest approval requirement (largest quorum, shortest window) applies; otherwise ALLOW.
 */
public record Policy(int version, List<PolicyRule> rules) {

    public PolicyOutcome evaluate(WithdrawalRequest request) {
        PolicyOutcome.RequireApproval strictest = null;
        for (PolicyRule rule : rules) {
            if (!rule.selects(request.chainId(), request.token(), request.accountGroup())) {
                continue;
            }
            String blocked = blockReason(rule, request);
            if (blocked != null) {
                return new PolicyOutcome.Block(version, blocked);
            }
            if (rule.requireApprovalAbove() != null && request.amount().compareTo(rule.requireApprovalAbove()) > 0) {
                var required = new PolicyOutcome.RequireApproval(version, rule.quorum(),
                        rule.approvers() == null ? List.of() : List.copyOf(rule.approvers()), rule.window(),
                        "rule " + rule.name() + ": amount above " + rule.requireApprovalAbove());
                strictest = stricter(strictest, required);
            }
        }
        return strictest == null ? new PolicyOutcome.Allow(version) : strictest;
    }

    private static String blockReason(PolicyRule rule, WithdrawalRequest request) {
        if (rule.allowedDestinations() != null && rule.allowedDestinations().stream()
                .noneMatch(allowed -> allowed.equalsIgnoreCase(request.destination()))) {
            return "rule " + rule.name() + ": destination " + request.destination() + " not on the allow-list";
        }
        if (rule.blockAbove() != null && request.amount().compareTo(rule.blockAbove()) > 0) {
            return "rule " + rule.name() + ": amount above " + rule.blockAbove();
        }
        if (rule.velocityLimit() != null) {
            var total = request.recentTotal().apply(rule.velocityPeriod()).add(request.amount());
            if (total.compareTo(rule.velocityLimit()) > 0) {
                return "rule " + rule.name() + ": " + total + " within " + rule.velocityPeriod()
                        + " exceeds velocity limit " + rule.velocityLimit();
            }
        }
        return null;
    }

    private static PolicyOutcome.RequireApproval stricter(PolicyOutcome.RequireApproval current,
                                                          PolicyOutcome.RequireApproval candidate) {
        if (current == null) {
            return candidate;
        }
        List<String> approvers = new ArrayList<>(current.approvers());
        if (approvers.isEmpty() || candidate.approvers().isEmpty()) {
            approvers = current.approvers().isEmpty() ? new ArrayList<>(candidate.approvers()) : approvers;
        } else {
            approvers.retainAll(candidate.approvers());
        }
        return new PolicyOutcome.RequireApproval(current.version(),
                Math.max(current.approvals(), candidate.approvals()), List.copyOf(approvers),
                current.window().compareTo(candidate.window()) <= 0 ? current.window() : candidate.window(),
                current.approvals() >= candidate.approvals() ? current.reason() : candidate.reason());
    }
}
