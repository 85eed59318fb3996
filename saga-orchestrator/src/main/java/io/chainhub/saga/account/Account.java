package io.chainhub.saga.account;

import java.time.Instant;
import java.util.UUID;

/** A custody account; {@code accountGroup} is what policies select on. */
public record Account(UUID id, String owner, String accountGroup, Instant createdAt) {
}
