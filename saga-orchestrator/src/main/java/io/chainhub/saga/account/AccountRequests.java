package io.chainhub.saga.account;

import io.chainhub.platform.address.EvmAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the account API. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** @param group policy group, default {@code default} */
    record CreateAccount(@NotBlank @Size(max = 128) String owner,
            @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9_.-]*") String group) {
    }

    record AssignAddress(@NotNull @Positive Long chainId, @NotNull @EvmAddress String address) {
    }

    /** @param token contract address, or {@code native} / absent for the chain's coin */
    record RegisterAsset(@NotNull @Positive Long chainId, String token, @Size(max = 32) String symbol,
            @NotNull @Min(0) @Max(77) Integer decimals) {
    }
}
