package io.chainhub.saga.account;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A custody account with its balance.
 *
 * @param address  deposit address (lowercase)
 * @param asset    token contract address (lowercase) or {@code native}
 * @param decimals decimals of the asset
 * @param balance  credits minus debits in base units, as a decimal string (uint256-safe)
 */
record AccountView(UUID id, String owner, long chainId, String address, String asset, int decimals,
        String balance) {

    /** Target of the JPQL constructor expression in {@link AccountRepository}. */
    AccountView(UUID id, String owner, long chainId, String address, String asset, short decimals,
            BigDecimal balance) {
        this(id, owner, chainId, address, asset, decimals, balance.toPlainString());
    }
}
