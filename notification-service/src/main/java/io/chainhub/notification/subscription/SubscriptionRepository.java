package io.chainhub.notification.subscription;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface SubscriptionRepository extends Repository<Subscription, UUID> {

    List<Subscription> findAllByOrderByCreatedAtAsc();
}
