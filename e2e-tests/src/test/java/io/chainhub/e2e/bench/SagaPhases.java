package io.chainhub.e2e.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

/**
 * Where a withdrawal's time went, from its timeline (read after the measured run, so the reads do not
 * load the orchestrator while it is measured): the REST request, screening and policy, signing and
 * broadcast by the gateway, then the blocks until two confirmations and the settlement.
 */
final class SagaPhases {

    private SagaPhases() {
    }

    static String describe(BenchApi api, Map<String, Instant> requested, int clients) throws Exception {
        List<Instant> sent = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        List<Instant> signing = new ArrayList<>();
        List<Instant> confirming = new ArrayList<>();
        List<Instant> completed = new ArrayList<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(clients)) {
            List<Map.Entry<String, Instant>> ids = List.copyOf(requested.entrySet());
            List<Future<JsonNode>> views = ids.stream().map(e -> readers.submit(() -> api.withdrawal(e.getKey()))).toList();
            for (int i = 0; i < ids.size(); i++) {
                JsonNode view = views.get(i).get();
                sent.add(ids.get(i).getValue());
                created.add(Instant.parse(view.path("createdAt").asString()));
                signing.add(reached(view, "SIGNING"));
                confirming.add(reached(view, "CONFIRMING"));
                completed.add(reached(view, "COMPLETED"));
            }
        }
        return String.join("\n",
                "  request -> created (row inserted, funds held)    " + Latencies.between(sent, created),
                "  created -> SIGNING (screening, policy)           " + Latencies.between(created, signing),
                "  SIGNING -> CONFIRMING (gateway signs, broadcasts) " + Latencies.between(signing, confirming),
                "  CONFIRMING -> COMPLETED (2 blocks deep, settled)  " + Latencies.between(confirming, completed));
    }

    private static Instant reached(JsonNode view, String state) {
        return view.path("timeline").valueStream().filter(t -> t.path("to").asString().equals(state))
                .map(t -> Instant.parse(t.path("at").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("withdrawal never reached " + state + ": " + view));
    }
}
