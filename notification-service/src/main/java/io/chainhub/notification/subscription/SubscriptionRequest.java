package io.chainhub.notification.subscription;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.chainhub.events.fraud.AlertSeverity;
import io.chainhub.events.transfer.TokenStandard;
import io.chainhub.platform.address.EvmAddress;

/**
 * Body of {@code POST /api/subscriptions} and {@code PUT /api/subscriptions/{id}}. Empty or missing
 * criteria mean "any". At least one channel ({@code webhook} or {@code email}) is required.
 *
 * @param eventTypes      {@code transfer.observed}, {@code transfer.confirmed}, {@code transfer.reverted},
 *                        {@code fraud.alert}, {@code custody.*} or one custody kind such as
 *                        {@code custody.withdrawal.completed}
 * @param addresses       EVM addresses (any case, EIP-55 checked when mixed case)
 * @param addressRole     SENDER, RECEIVER or EITHER (default) for transfers
 * @param tokens          token contract addresses
 * @param standards       NATIVE, ERC20, ERC721, ERC1155
 * @param minValue        minimum transfer value in base units (decimal string)
 * @param chainId         only this chain
 * @param minSeverity     fraud alerts at or above this severity (default LOW)
 * @param webhook         {@code {"url": "https://..."}}
 * @param email           email channel address
 * @param emailMaxPerHour emails sent one by one per hour before the rest is grouped into a digest (default 20)
 * @param ownerEmail      who is told when the webhook endpoint gets disabled (default: {@code email})
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "transfer\\.(observed|confirmed|reverted)|fraud\\.alert|custody\\.\\*|custody\\.[a-z]+(\\.[a-z_]+)*",
                message = "must be transfer.observed, transfer.confirmed, transfer.reverted, fraud.alert, custody.* or custody.<kind>") String> eventTypes,
        @Size(max = 1000) List<@NotNull @EvmAddress String> addresses,
        AddressRole addressRole,
        @Size(max = 1000) List<@NotNull @EvmAddress String> tokens,
        List<@NotNull TokenStandard> standards,
        @Pattern(regexp = "\\d{1,78}", message = "must be a non-negative integer in base units (decimal string)") String minValue,
        @Positive Long chainId,
        AlertSeverity minSeverity,
        @Valid WebhookChannel webhook,
        @Email @Size(max = 320) String email,
        @Min(1) @Max(10_000) Integer emailMaxPerHour,
        @Email @Size(max = 320) String ownerEmail) {

    /** @param url https (http only for allow-listed networks); must not resolve to private addresses */
    public record WebhookChannel(@NotBlank @Size(max = 2048) String url) {
    }
}
