package io.chainhub.fraud.alert;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface FraudAlertRepository extends Repository<FraudAlert, UUID> {

    List<FraudAlert> findByOrderByRaisedAtDesc(Limit limit);

    List<FraudAlert> findByStatusOrderByRaisedAtDesc(AlertStatus status, Limit limit);
}
