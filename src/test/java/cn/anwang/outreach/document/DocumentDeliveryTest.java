package cn.anwang.outreach.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A document to one grid's small shops: the preview counts what publishing reaches, one enterprise
 * acknowledges electronically, the officer delivers to another in person from the task in his list,
 * and the rates count both; other territories see nothing of it.
 */
@IntegrationTest
class DocumentDeliveryTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private DocumentFixture fx() {
    return new DocumentFixture(mvc, json, jdbc);
  }

  private JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    return fx().call(user, r, body, expect);
  }

  private long delivery(long document, long object) {
    return jdbc.sql("SELECT id FROM outreach_delivery WHERE document_id = ? AND object_id = ?")
        .params(document, object)
        .query(Long.class)
        .single();
  }

  @Test
  void publishedToAGridsShopsThenReceivedElectronicallyAndInPerson() throws Exception {
    DocumentFixture.Officer officer = fx().officerWithShops();
    String grid = officer.grid();
    List<Long> shops = fx().shops(grid);
    long electronic = officer.shopA();
    long inPerson = officer.shopB();
    String enterprise = fx().enterpriseOf(electronic);
    Map<String, Object> targets = Map.of("grids", List.of(grid), "kinds", List.of("SMALL_SHOP"));

    JsonNode preview = call("heping.street", post("/api/v1/documents/preview"), targets, 200);
    assertThat(preview.get("count").asInt()).isEqualTo(shops.size());

    Map<String, Object> doc =
        DocumentFixture.document("关于冬季燃气安全的通知", DocumentFixture.TODAY.plusDays(10), targets);
    JsonNode published = call("heping.street", post("/api/v1/documents"), doc, 201);
    long id = published.get("id").asLong();
    assertThat(published.get("deliveries").asInt()).isEqualTo(shops.size());
    // a double submission finds the first document
    JsonNode replay = call("heping.street", post("/api/v1/documents"), doc, 200);
    assertThat(replay.get("id").asLong()).isEqualTo(id);
    assertThat(
            jdbc.sql("SELECT count(*) FROM outreach_delivery WHERE document_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(shops.size());

    // the enterprise user was told, and sees only its own object's delivery
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                        + " WHERE u.username = ? AND n.dedup_key = ?")
                .params(enterprise, "document:" + id + ":" + electronic)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    JsonNode mine = call(enterprise, get("/api/v1/my-documents"), null, 200).get("items");
    assertThat(mine).hasSize(1);
    long e = mine.get(0).get("deliveryId").asLong();
    assertThat(e).isEqualTo(delivery(id, electronic));
    assertThat(mine.get(0).get("status").asString()).isEqualTo("PENDING");
    call(enterprise, get("/api/v1/my-documents/" + delivery(id, inPerson)), null, 404);
    JsonNode opened = call(enterprise, get("/api/v1/my-documents/" + e), null, 200);
    assertThat(opened.get("item").get("status").asString()).isEqualTo("OPENED");
    assertThat(opened.get("summary").asString()).contains("瓶装液化气");
    JsonNode received = call(enterprise, post("/api/v1/my-documents/" + e + "/receipt"), null, 200);
    assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
    assertThat(received.get("method").asString()).isEqualTo("ELECTRONIC");
    JsonNode again = call(enterprise, post("/api/v1/my-documents/" + e + "/receipt"), null, 200);
    assertThat(again.get("receivedAt").asString()).isEqualTo(received.get("receivedAt").asString());
    // staff may not acknowledge for an enterprise
    call("heping.street", post("/api/v1/my-documents/" + e + "/receipt"), null, 403);

    // the in-person delivery is a task in the officer's list, with the document named
    JsonNode tasks = call(officer.username(), get("/api/v1/tasks/mine"), null, 200).get("items");
    List<JsonNode> duties = duties(tasks, id);
    assertThat(duties).extracting(t -> t.get("objectId").asLong()).contains(inPerson);
    assertThat(duties).extracting(t -> t.get("objectId").asLong()).doesNotContain(electronic);
    assertThat(duties.get(0).get("title").asString()).isEqualTo("关于冬季燃气安全的通知");
    assertThat(duties.get(0).get("dueDate").asString())
        .isEqualTo(DocumentFixture.TODAY.plusDays(10).toString());

    Map<String, Object> visit = DocumentFixture.visit(inPerson, "document:" + id);
    JsonNode recorded = call(officer.username(), post("/api/v1/inspections"), visit, 201);
    call(officer.username(), post("/api/v1/inspections"), visit, 200);
    Map<String, Object> row =
        jdbc.sql("SELECT * FROM outreach_delivery WHERE id = ?")
            .param(delivery(id, inPerson))
            .query()
            .singleRow();
    assertThat(row.get("status")).isEqualTo("RECEIVED");
    assertThat(row.get("method")).isEqualTo("IN_PERSON");
    assertThat(row.get("signer_name")).isEqualTo("王店长");
    assertThat(((Number) row.get("inspection_id")).longValue())
        .isEqualTo(recorded.get("id").asLong());
    JsonNode after = call(officer.username(), get("/api/v1/tasks/mine"), null, 200).get("items");
    assertThat(duties(after, id))
        .extracting(t -> t.get("objectId").asLong())
        .doesNotContain(inPerson);

    // the rates, by hand: 2 of the grid's shops received
    JsonNode rates =
        call(
                "heping.street",
                get("/api/v1/document-rates").param("by", "grid").param("document", "" + id),
                null,
                200)
            .get("items");
    assertThat(rates).hasSize(1);
    assertThat(rates.get(0).get("code").asString()).isEqualTo(grid);
    assertThat(rates.get(0).get("total").asInt()).isEqualTo(shops.size());
    assertThat(rates.get(0).get("received").asInt()).isEqualTo(2);
    assertThat(rates.get(0).get("overdue").asInt()).isZero();
    assertThat(rates.get(0).get("rate").asDouble())
        .isEqualTo(Math.round(2 * 1000.0 / shops.size()) / 10.0);
    JsonNode detail = call("heping.admin", get("/api/v1/documents/" + id), null, 200);
    assertThat(detail.get("counts").get("received").asInt()).isEqualTo(2);
    assertThat(detail.get("counts").get("opened").asInt()).isEqualTo(2);
    JsonNode list =
        call("heping.street", get("/api/v1/documents/" + id + "/deliveries"), null, 200)
            .get("items");
    assertThat(list).hasSize(shops.size());

    // another district sees nothing of it
    call("xiqing.admin", get("/api/v1/documents/" + id), null, 404);
    call("xiqing.admin", get("/api/v1/documents/" + id + "/deliveries"), null, 404);
    assertThat(
            call("xiqing.admin", get("/api/v1/document-rates").param("by", "grid"), null, 200)
                .get("items")
                .toString())
        .doesNotContain(grid);
    call(enterprise, get("/api/v1/documents/" + id), null, 403);
    // audited
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'document.receive'"
                        + " AND target_id IN (?, ?)")
                .params("" + e, "" + delivery(id, inPerson))
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  private static List<JsonNode> duties(JsonNode tasks, long document) {
    List<JsonNode> out = new ArrayList<>();
    tasks.forEach(
        t -> {
          if (("document:" + document).equals(t.path("reference").asString(""))) {
            out.add(t);
          }
        });
    return out;
  }
}
