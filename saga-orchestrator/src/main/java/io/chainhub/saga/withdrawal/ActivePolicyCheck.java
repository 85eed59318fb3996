package io.chainhub.saga.withdrawal;

import io.chainhub.saga.policy.PolicyOutcome;
import io.chainhub.saga.policy.PolicyStore;
import io.chainhub.saga.policy.WithdrawalRequest;

/** The policy step against the database: the ACTIVE version, velocity from the account's withdrawals. */
final class ActivePolicyCheck implements PolicyCheck {

    private final PolicyStore policies;
    private final WithdrawalStore withdrawals;

    ActivePolicyCheck(PolicyStore policies, WithdrawalStore withdrawals) {
        this.policies = policies;
        this.withdrawals = withdrawals;
    }

    @Override
    public PolicyOutcome evaluate(Withdrawal w) {
        return policies.active().evaluate(new WithdrawalRequest(w.chainId(), w.token(), w.accountGroup(), w.amount(),
                w.destination(), window -> withdrawals.recentTotal(w.accountId(), w.assetId(), w.id(), window)));
    }
}
