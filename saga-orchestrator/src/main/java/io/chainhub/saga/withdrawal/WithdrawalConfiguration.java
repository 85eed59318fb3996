package io.chainhub.saga.withdrawal;

import io.chainhub.saga.messaging.SagaProperties;
import io.chainhub.saga.policy.PolicyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WithdrawalConfiguration {

    @Bean
    WithdrawalSaga withdrawalSaga(PolicyStore policies, WithdrawalStore withdrawals, SagaProperties properties) {
        return new WithdrawalSaga(new ActivePolicyCheck(policies, withdrawals), properties.confirmationTimeout());
    }
}
