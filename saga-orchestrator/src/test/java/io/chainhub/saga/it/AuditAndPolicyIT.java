package io.chainhub.saga.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.chainhub.testsupport.ChainHubIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Four-eyes policy changes and the hash-chained audit journal. */
@ChainHubIntegrationTest
class AuditAndPolicyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private SagaApi api;

    @BeforeEach
    void setUp() {
        api = new SagaApi(port);
        TestPolicy.ensure(api);
    }

    @Test
    void shouldRefusePolicyActivationWhenApprovedByItsProposer() {
        SagaApi.Answer proposed = api.post("/api/policies", Map.of("rules", TestPolicy.rules()), "admin", "admin");

        SagaApi.Answer own = api.post("/api/policies/" + proposed.body().path("version").asInt() + "/approve", null,
                "admin", "admin");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("detail")).contains("second admin");
        assertThat(api.post("/api/policies/" + proposed.body().path("version").asInt() + "/reject", null, "admin2", "admin")
                .status()).isEqualTo(200);
    }

    @Test
    void shouldRefusePolicyProposalWhenNotAdmin() {
        assertThat(api.post("/api/policies", Map.of("rules", TestPolicy.rules()), "alice").status()).isEqualTo(403);
    }

    @Test
    void shouldVerifyAuditJournalWhenUntouched() {
        SagaApi.Answer verify = api.get("/api/audit/verify", "viewer", "viewer");

        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body().path("valid").asBoolean()).as(verify.body().toString()).isTrue();
        assertThat(verify.body().path("verified").asLong()).isPositive();
    }

    @Test
    void shouldDetectEditedAuditEntry() {
        long seq = jdbc.sql("SELECT min(seq) FROM audit_entry").query(Long.class).single();
        String original = jdbc.sql("SELECT detail FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        try {
            jdbc.sql("UPDATE audit_entry SET detail = 'nothing to see' WHERE seq = ?").param(seq).update();

            SagaApi.Answer verify = api.get("/api/audit/verify", "viewer", "viewer");

            assertThat(verify.body().path("valid").asBoolean()).isFalse();
            assertThat(verify.body().path("brokenAt").asLong()).isEqualTo(seq);
            assertThat(verify.text("problem")).contains("edited");
        } finally {
            jdbc.sql("UPDATE audit_entry SET detail = ? WHERE seq = ?").params(original, seq).update();
        }
        assertThat(api.get("/api/audit/verify", "viewer", "viewer").body().path("valid").asBoolean()).isTrue();
    }

    @Test
    void shouldDetectDeletedAuditEntry() {
        long seq = jdbc.sql("SELECT min(seq) FROM audit_entry").query(Long.class).single();
        var row = jdbc.sql("SELECT * FROM audit_entry WHERE seq = ?").param(seq).query().singleRow();
        try {
            jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(seq).update();

            SagaApi.Answer verify = api.get("/api/audit/verify", "viewer", "viewer");

            assertThat(verify.body().path("valid").asBoolean()).isFalse();
            assertThat(verify.text("problem")).contains("missing");
        } finally {
            jdbc.sql("INSERT INTO audit_entry (seq, at, actor, kind, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row.get("seq"), row.get("at"), row.get("actor"), row.get("kind"), row.get("subject"),
                            row.get("detail"), row.get("prev_hash"), row.get("hash")).update();
        }
        assertThat(api.get("/api/audit/verify", "viewer", "viewer").body().path("valid").asBoolean()).isTrue();
    }
}
