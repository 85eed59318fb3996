package io.chainhub.fraud.engine;

import java.util.Optional;

import io.chainhub.fraud.rule.RuleConfig;

/** A fraud rule: pure, deterministic, evaluated once per leg. The closed set is {@link Rules#ALL}. */
public sealed interface Rule permits LargeTransferRule, VelocityRule, StructuringRule, ListRule,
        AddressPoisoningRule, RapidInOutRule, NewCounterpartyRule {

    String id();

    Optional<Hit> evaluate(RuleConfig config, RuleContext context);
}
