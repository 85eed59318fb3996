package io.chainhub.saga.withdrawal;

import io.chainhub.platform.address.EvmAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/withdrawals}.
 *
 * @param token       token contract address, or {@code native} / absent for the chain's coin
 * @param amount      base units as a decimal string
 * @param destination 0x address, any case (EIP-55 checked when mixed)
 */
public record StartWithdrawal(
        @NotNull java.util.UUID accountId,
        @NotNull @Positive Long chainId,
        String token,
        @NotBlank @Pattern(regexp = "[1-9][0-9]{0,77}", message = "must be a positive integer in base units") String amount,
        @NotNull @EvmAddress String destination) {
}
