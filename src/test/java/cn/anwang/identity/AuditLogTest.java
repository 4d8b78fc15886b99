package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transactions;

  @Test
  void hashChainVerifiesAndReportsATamperedEntry() {
    transactions.executeWithoutResult(
        tx -> audit.record("test.tamper", "thing", "t1", "120101", Map.of("v", 1), Map.of("v", 2)));
    long id =
        jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'test.tamper'")
            .query(Long.class)
            .single();
    assertThat(verify()).containsEntry("intact", true);

    String original =
        jdbc.sql("SELECT after::text FROM audit_event WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE audit_event SET after = '{\"v\": 3}' WHERE id = :id").param("id", id).update();
    try {
      Map<String, Object> broken = verify();
      assertThat(broken)
          .containsEntry("intact", false)
          .containsEntry("firstBrokenId", (int) id)
          .containsEntry("problem", "content");
    } finally {
      jdbc.sql("UPDATE audit_event SET after = CAST(:after AS jsonb) WHERE id = :id")
          .param("after", original)
          .param("id", id)
          .update();
    }
    assertThat(verify()).containsEntry("intact", true);
  }

  @Test
  void concurrentWritersAreSealedIntoOneUnbrokenChainAndRolledBackEntriesNever() throws Exception {
    int writers = 16;
    int each = 25;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    int n = i;
                    transactions.executeWithoutResult(
                        tx ->
                            audit.record(
                                "test.concurrent",
                                "thing",
                                writer + "-" + n,
                                "120101",
                                null,
                                Map.of("n", n)));
                  }
                }));
      }
      transactions.executeWithoutResult(
          tx -> {
            audit.record("test.rolledback", "thing", "r", "120101", null, null);
            tx.setRollbackOnly();
          });
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // the background sealer links committed entries within about a second, without a verify
    long deadline = System.nanoTime() + 10_000_000_000L;
    long unsealed;
    do {
      Thread.sleep(100);
      unsealed =
          jdbc.sql(
                  "SELECT count(*) FROM audit_event WHERE action = 'test.concurrent' AND hash IS NULL")
              .query(Long.class)
              .single();
    } while (unsealed > 0 && System.nanoTime() < deadline);
    assertThat(unsealed).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'test.concurrent'")
                .query(Long.class)
                .single())
        .isEqualTo((long) writers * each);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'test.rolledback'")
                .query(Long.class)
                .single())
        .isZero();
    // chain positions are gapless and each entry links to the one before it
    assertThat(
            jdbc.sql(
                    "SELECT count(*) = max(seq) AND count(DISTINCT seq) = count(*) FROM audit_event")
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM audit_event a JOIN audit_event b ON b.seq = a.seq + 1
                     WHERE b.prev_hash <> a.hash
                    """)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(verify()).containsEntry("intact", true);
  }

  @Test
  void auditorSearchesByActorAndActionFamily() {
    ResponseEntity<Map<String, Object>> response =
        rest.withBasicAuth("auditor", "anwang-demo-2026")
            .exchange(
                "/api/v1/audit?actor=system&action=user",
                HttpMethod.GET,
                null,
                UserAdministrationApiTest.JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries =
        (List<Map<String, Object>>) response.getBody().get("entries");
    assertThat(entries)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.get("actor")).isEqualTo("system");
              assertThat((String) e.get("action")).startsWith("user.");
            });
    assertThat(entries).anySatisfy(e -> assertThat(e.get("after")).isInstanceOf(Map.class));
  }

  @Test
  void districtAdministratorSeesOnlyEntriesOfTheDistrict() {
    ResponseEntity<Map<String, Object>> response =
        rest.withBasicAuth("xiqing.admin", "anwang-demo-2026")
            .exchange(
                "/api/v1/audit?size=200", HttpMethod.GET, null, UserAdministrationApiTest.JSON);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries =
        (List<Map<String, Object>>) response.getBody().get("entries");
    assertThat(entries)
        .isNotEmpty()
        .allSatisfy(e -> assertThat((String) e.get("territoryCode")).startsWith("120111"));
  }

  @Test
  void officersCannotReadTheAuditLog() {
    ResponseEntity<Map<String, Object>> response =
        rest.withBasicAuth("xiqing.officer", "anwang-demo-2026")
            .exchange("/api/v1/audit", HttpMethod.GET, null, UserAdministrationApiTest.JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void auditPageShowsEntriesAndTheChainVerification() throws Exception {
    mvc.perform(
            get("/audit")
                .param("action", "user")
                .param("verify", "true")
                .cookie(PageSessions.logIn(mvc, "auditor", "anwang-demo-2026")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("user.create")))
        .andExpect(content().string(Matchers.containsString("哈希链完整")));
  }

  @Test
  void auditPageIsClosedToOfficers() throws Exception {
    mvc.perform(get("/audit").cookie(PageSessions.logIn(mvc, "heping.officer", "anwang-demo-2026")))
        .andExpect(status().isForbidden());
  }

  @Test
  void rejectsAMalformedDateFilter() throws Exception {
    ResponseEntity<Map<String, Object>> api =
        rest.withBasicAuth("auditor", "anwang-demo-2026")
            .exchange(
                "/api/v1/audit?from=yesterday",
                HttpMethod.GET,
                null,
                UserAdministrationApiTest.JSON);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.getBody().get("fields").toString()).contains("from");

    mvc.perform(
            get("/audit")
                .param("from", "yesterday")
                .cookie(PageSessions.logIn(mvc, "auditor", "anwang-demo-2026")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("is-invalid")));
    mvc.perform(
            get("/audit")
                .param("from", "2026-03-02")
                .param("to", "2026-03-01")
                .cookie(PageSessions.logIn(mvc, "auditor", "anwang-demo-2026")))
        .andExpect(content().string(Matchers.containsString("audit-range-error")));
  }

  @Test
  void filtersByDateRange() {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    String longAgo = "2001-01-01";

    assertThat(total("?from=" + today + "&to=" + today)).isPositive();
    assertThat(total("?from=" + longAgo + "&to=" + longAgo)).isZero();
  }

  private long total(String query) {
    return ((Number)
            rest.withBasicAuth("auditor", "anwang-demo-2026")
                .exchange(
                    "/api/v1/audit" + query, HttpMethod.GET, null, UserAdministrationApiTest.JSON)
                .getBody()
                .get("total"))
        .longValue();
  }

  private Map<String, Object> verify() {
    return rest.withBasicAuth("auditor", "anwang-demo-2026")
        .exchange("/api/v1/audit/verify", HttpMethod.GET, null, UserAdministrationApiTest.JSON)
        .getBody();
  }
}
