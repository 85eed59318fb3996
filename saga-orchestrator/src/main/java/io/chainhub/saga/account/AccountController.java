package io.chainhub.saga.account;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.chainhub.platform.address.Addresses;
import io.chainhub.saga.ledger.Ledger;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Custody accounts, their deposit addresses, balances and journal; assets; the ledger check. */
@RestController
class AccountController {

    private final Accounts accounts;
    private final Assets assets;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    AccountController(Accounts accounts, Assets assets, Ledger ledger, JdbcClient jdbc) {
        this.accounts = accounts;
        this.assets = assets;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** {@code GET /api/accounts} (viewer): every account, oldest first. */
    @GetMapping("/api/accounts")
    List<Account> list() {
        return accounts.all();
    }

    /** {@code POST /api/accounts} (operator): opens an account in a policy group. */
    @PostMapping("/api/accounts")
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<Account> create(@Valid @RequestBody AccountRequests.CreateAccount request) {
        String group = request.group() == null || request.group().isBlank() ? "default" : request.group();
        Account account = accounts.create(request.owner(), group);
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(account);
    }

    /** {@code GET /api/accounts/{id}} (viewer). */
    @GetMapping("/api/accounts/{id}")
    Account get(@PathVariable UUID id) {
        return account(id);
    }

    /** {@code GET /api/accounts/{id}/balances} (viewer): available, held and pending per asset. */
    @GetMapping("/api/accounts/{id}/balances")
    List<BalanceView> balances(@PathVariable UUID id) {
        account(id);
        return jdbc.sql("""
                SELECT a.id AS asset_id, a.chain_id, a.token, a.symbol, a.decimals, b.available::text AS available,
                       b.held::text AS held, b.pending::text AS pending
                FROM balance b JOIN asset a ON a.id = b.asset_id WHERE b.account_id = ? ORDER BY a.id""")
                .param(id).query(BalanceView.class).list();
    }

    /** {@code GET /api/accounts/{id}/journal?limit=} (viewer): the account's journal lines, newest first. */
    @GetMapping("/api/accounts/{id}/journal")
    List<JournalLine> journal(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
        account(id);
        return jdbc.sql("""
                SELECT id, journal_tx::text AS journal_tx, asset_id, bucket, amount::text AS amount, saga_id, reason, created_at
                FROM journal_entry WHERE account_id = ? ORDER BY id DESC LIMIT ?""")
                .params(id, Math.clamp(limit, 1, 1000)).query(JournalLine.class).list();
    }

    /** {@code POST /api/accounts/{id}/deposit-addresses} (operator): transfers to the address credit the account. */
    @PostMapping("/api/accounts/{id}/deposit-addresses")
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<DepositAddress> assign(@PathVariable UUID id, @Valid @RequestBody AccountRequests.AssignAddress request) {
        account(id);
        String address = Addresses.normalize(request.address());
        if (!accounts.assign(id, request.chainId(), address)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    address + " on chain " + request.chainId() + " already belongs to another account");
        }
        DepositAddress assigned = accounts.addresses(id).stream()
                .filter(a -> a.chainId() == request.chainId() && a.address().equals(address)).findFirst().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(assigned);
    }

    /** {@code GET /api/accounts/{id}/deposit-addresses} (viewer). */
    @GetMapping("/api/accounts/{id}/deposit-addresses")
    List<DepositAddress> addresses(@PathVariable UUID id) {
        account(id);
        return accounts.addresses(id);
    }

    /** {@code GET /api/assets} (viewer). */
    @GetMapping("/api/assets")
    List<Asset> assets() {
        return assets.all();
    }

    /** {@code POST /api/assets} (admin): registers an asset (fungible deposits register theirs themselves). */
    @PostMapping("/api/assets")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<Asset> registerAsset(@Valid @RequestBody AccountRequests.RegisterAsset request) {
        String token = request.token() == null || request.token().isBlank() || Asset.NATIVE.equals(request.token())
                ? null : Addresses.normalize(request.token());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(assets.findOrRegister(request.chainId(), token, request.symbol(), request.decimals()));
    }

    /**
     * {@code GET /api/ledger/check} (viewer): the ledger invariant. {@code sound} is true when every
     * balance equals the sum of its journal lines, none is negative and every journal transaction balances.
     */
    @GetMapping("/api/ledger/check")
    LedgerCheck check() {
        List<String> discrepancies = ledger.discrepancies();
        List<String> unbalanced = ledger.unbalancedTransactions();
        return new LedgerCheck(discrepancies.isEmpty() && unbalanced.isEmpty(), discrepancies, unbalanced);
    }

    record LedgerCheck(boolean sound, List<String> discrepancies, List<String> unbalancedTransactions) {
    }

    private Account account(UUID id) {
        return accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id));
    }
}
