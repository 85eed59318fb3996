package io.chainhub.listener.replay;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code POST /api/chains/{chainId}/replay}.
 *
 * @param topic where to write; default {@code token-transfers-replay}. The live topics are refused.
 */
record ReplayRequest(@NotNull @PositiveOrZero Long fromBlock, @NotNull @PositiveOrZero Long toBlock,
                     @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a valid Kafka topic name") String topic) {
}
