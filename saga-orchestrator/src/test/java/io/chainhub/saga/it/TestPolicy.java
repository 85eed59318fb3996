package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The policy the ITs run under, activated once per application context by two admins. Account groups
 * select the behaviour a test needs; groups without a rule are allowed straight through.
 */
public final class TestPolicy {

    public static final String ALLOWED_DESTINATION = "0x00000000000000000000000000000000000a11ed";

    public static List<Map<String, Object>> rules() {
        return List.of(
                Map.of("name", "standard", "accountGroup", "standard", "requireApprovalAbove", "1000",
                        "approvals", 2, "approvalWindow", "PT60S"),
                Map.of("name", "expiring", "accountGroup", "expiring", "requireApprovalAbove", "0",
                        "approvals", 2, "approvalWindow", "PT1S"),
                Map.of("name", "allow-list", "accountGroup", "allowlist", "allowedDestinations", List.of(ALLOWED_DESTINATION)),
                Map.of("name", "velocity", "accountGroup", "velocity", "velocityLimit", "1500", "velocityWindow", "PT1H"));
    }

    public static synchronized void ensure(SagaApi api) {
        var active = api.get("/api/policies", "viewer", "viewer").body();
        for (var version : active) {
            if (version.path("state").asString().equals("ACTIVE") && version.path("rules").size() == rules().size()
                    && version.path("rules").get(0).path("name").asString().equals("standard")) {
                return;
            }
        }
        SagaApi.Answer proposed = api.post("/api/policies", Map.of("rules", rules()), "admin", "admin");
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        SagaApi.Answer approved = api.post("/api/policies/" + proposed.body().path("version").asInt() + "/approve", null,
                "admin2", "admin");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    }
}
