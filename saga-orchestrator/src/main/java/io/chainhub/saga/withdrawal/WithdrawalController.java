package io.chainhub.saga.withdrawal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Withdrawals: start, follow, approve or reject, cancel. */
@RestController
class WithdrawalController {

    private final WithdrawalRequests requests;
    private final WithdrawalRunner runner;
    private final WithdrawalQueries queries;

    WithdrawalController(WithdrawalRequests requests, WithdrawalRunner runner, WithdrawalQueries queries) {
        this.requests = requests;
        this.runner = runner;
        this.queries = queries;
    }

    /**
     * {@code POST /api/withdrawals} (operator): holds the amount and starts the saga (201, state
     * SCREENING). With {@code Idempotency-Key}: the same key and body return the original withdrawal
     * (200); the same key with another body is a 422 problem. Insufficient available balance: 422.
     */
    @PostMapping("/api/withdrawals")
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<WithdrawalView> start(@Valid @RequestBody StartWithdrawal request,
                                         @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key,
                                         Authentication user) {
        WithdrawalRequests.Started started;
        try {
            started = requests.start(user.getName(), key, request);
        } catch (DuplicateKeyException concurrentSameKey) {
            // a concurrent request with the same key won the insert: answer as a replay
            started = requests.start(user.getName(), key, request);
        }
        WithdrawalView view = get(started.id());
        return started.replayed() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/withdrawals/" + started.id())).body(view);
    }

    /** {@code GET /api/withdrawals/{id}} (viewer): the withdrawal with approvals and full timeline. */
    @GetMapping("/api/withdrawals/{id}")
    WithdrawalView get(@PathVariable UUID id) {
        return queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no withdrawal " + id));
    }

    /** {@code GET /api/withdrawals?state=&accountId=&limit=} (viewer): newest first. */
    @GetMapping("/api/withdrawals")
    List<WithdrawalView> list(@RequestParam(required = false) WithdrawalState state,
                              @RequestParam(required = false) UUID accountId,
                              @RequestParam(defaultValue = "100") int limit) {
        return queries.list(state == null ? null : state.name(), accountId, Math.clamp(limit, 1, 1000));
    }

    /** {@code GET /api/withdrawals/pending-approval} (approver): what the caller may still approve. */
    @GetMapping("/api/withdrawals/pending-approval")
    @PreAuthorize("hasRole('approver')")
    List<WithdrawalView> pending(Authentication user) {
        return queries.pendingFor(user.getName());
    }

    /** {@code POST /api/withdrawals/{id}/approve} (approver; never the requester: 403). */
    @PostMapping("/api/withdrawals/{id}/approve")
    @PreAuthorize("hasRole('approver')")
    WithdrawalView approve(@PathVariable UUID id, @RequestBody(required = false) Comment comment, Authentication user) {
        runner.handle(id, new WithdrawalInput.ApprovalGiven(user.getName(), Comment.text(comment)), user.getName());
        return get(id);
    }

    /** {@code POST /api/withdrawals/{id}/reject} (approver): ends it as REJECTED and releases the hold. */
    @PostMapping("/api/withdrawals/{id}/reject")
    @PreAuthorize("hasRole('approver')")
    WithdrawalView reject(@PathVariable UUID id, @RequestBody(required = false) Comment comment, Authentication user) {
        runner.handle(id, new WithdrawalInput.ApprovalRefused(user.getName(), Comment.text(comment)), user.getName());
        return get(id);
    }

    /** {@code POST /api/withdrawals/{id}/cancel} (operator): before signing only (409 afterwards). */
    @PostMapping("/api/withdrawals/{id}/cancel")
    @PreAuthorize("hasRole('operator')")
    WithdrawalView cancel(@PathVariable UUID id, Authentication user) {
        runner.handle(id, new WithdrawalInput.CancelRequested(user.getName()), user.getName());
        return get(id);
    }

    record Comment(@Size(max = 500) String comment) {
        static String text(Comment comment) {
            return comment == null ? null : comment.comment();
        }
    }
}
