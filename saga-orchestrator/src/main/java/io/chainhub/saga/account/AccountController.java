package io.chainhub.saga.account;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Custody accounts and their ledger balances. */
@RestController
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** {@code GET /api/accounts} (role viewer): every account, oldest first, with its balance. */
    @GetMapping("/api/accounts")
    List<AccountView> list() {
        return accounts.findAllWithBalances();
    }
}
