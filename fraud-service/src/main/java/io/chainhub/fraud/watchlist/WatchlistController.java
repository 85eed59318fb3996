package io.chainhub.fraud.watchlist;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import io.chainhub.platform.address.Addresses;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Named address lists the rules read: {@code sanctions} and {@code watchlist} (watchlist rule),
 * {@code mixers} (mixer rule), or any name a rule's {@code lists} parameter mentions.
 */
@RestController
@RequestMapping("/api/watchlists")
@Validated
class WatchlistController {

    private static final String LIST_NAME = "^[a-z0-9][a-z0-9-]{0,63}$";

    private final WatchlistStore store;
    private final WatchlistRegistry registry;

    WatchlistController(WatchlistStore store, WatchlistRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** {@code GET /api/watchlists} (viewer): list names and sizes. */
    @GetMapping
    public List<WatchlistStore.ListSummary> lists() {
        return store.lists();
    }

    /** {@code GET /api/watchlists/{list}} (viewer): the addresses of one list. */
    @GetMapping("/{list}")
    public List<WatchlistStore.Entry> entries(@PathVariable @Pattern(regexp = LIST_NAME) String list) {
        return store.entries(list);
    }

    /** {@code PUT /api/watchlists/{list}/addresses/{address}} (operator): 201 when added, 200 when relabelled. */
    @PutMapping("/{list}/addresses/{address}")
    @PreAuthorize("hasRole('operator')")
    public ResponseEntity<WatchlistStore.Entry> add(@PathVariable @Pattern(regexp = LIST_NAME) String list,
            @PathVariable String address, @RequestBody(required = false) EntryRequest body, Principal who) {
        String normalized = Addresses.normalize(address);
        String label = body == null ? null : body.label();
        boolean created = store.add(list, normalized, label, who.getName());
        registry.refresh();
        var entry = store.entries(list).stream().filter(e -> e.address().equals(normalized)).findFirst().orElseThrow();
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(entry);
    }

    /** {@code DELETE /api/watchlists/{list}/addresses/{address}} (operator): 204, or 404 when not listed. */
    @DeleteMapping("/{list}/addresses/{address}")
    @PreAuthorize("hasRole('operator')")
    public ResponseEntity<Void> remove(@PathVariable @Pattern(regexp = LIST_NAME) String list, @PathVariable String address) {
        if (!store.remove(list, Addresses.normalize(address))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, address + " is not on list " + list);
        }
        registry.refresh();
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code POST /api/watchlists/{list}/import} (operator), body {@code text/csv}: one address per line in the
     * first column, an optional label in the second (e.g. OFAC's SDN digital-currency addresses). A header
     * line and blank lines are skipped; invalid addresses are reported, not fatal.
     */
    @PostMapping(path = "/{list}/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasRole('operator')")
    public ImportResult importCsv(@PathVariable @Pattern(regexp = LIST_NAME) String list, @RequestBody String csv,
            Principal who) {
        int added = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        String[] lines = csv.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", 2);
            String candidate = cells[0].strip().replace("\"", "");
            if (i == 0 && !candidate.startsWith("0x") && !candidate.startsWith("0X")) {
                continue; // header
            }
            try {
                String address = Addresses.normalize(candidate);
                String label = cells.length > 1 ? cells[1].strip().replace("\"", "") : null;
                if (store.add(list, address, label, who.getName())) {
                    added++;
                } else {
                    unchanged++;
                }
            } catch (RuntimeException e) {
                rejected.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        registry.refresh();
        return new ImportResult(list, added, unchanged, rejected);
    }

    record EntryRequest(@Size(max = 500) String label) {
    }

    record ImportResult(String list, int added, int unchanged, List<String> rejected) {
    }
}
