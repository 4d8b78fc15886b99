package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * A village report reaches the village committee contact (the village's other village officers) and
 * the street administrators at once, in-app; other reports and other villages do not.
 */
@IntegrationTest
class VillageReportTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  private long village(String name, String territory) {
    return jdbc.sql(
            """
            INSERT INTO app_user (username, password_hash, display_name, role, territory_code)
            SELECT ?, password_hash, ?, 'VILLAGE_OFFICER', ? FROM app_user
             WHERE username = 'heping.officer' RETURNING id
            """)
        .params(name + "." + suffix, name, territory)
        .query(Long.class)
        .single();
  }

  @AfterEach
  void disableTestUsers() {
    jdbc.sql("UPDATE app_user SET enabled = false WHERE username LIKE ?")
        .param("%." + suffix)
        .update();
  }

  private long report(String user, String source, long object) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/cases")
                    .with(httpBasic(user, "anwang-demo-2026"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "type", "GENERAL_HAZARD",
                                "source", source,
                                "objectId", object,
                                "title", "村内废品站堆放易燃物",
                                "description", "废品站院内纸板堆垛靠近电线"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  private List<Long> notified(long caseId) {
    return jdbc.sql(
            "SELECT user_id FROM notification WHERE dedup_key = ? AND kind = 'case.village-report'"
                + " ORDER BY user_id")
        .param("village-report:" + caseId)
        .query(Long.class)
        .list();
  }

  private long user(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  @Test
  void aVillageReportNotifiesTheVillageCommitteeContactAndTheStreetAtOnce() throws Exception {
    // two villages of 劝业场街道 that have objects
    List<Map<String, Object>> places =
        jdbc.sql(
                """
                SELECT DISTINCT ON (village_code) village_code, id FROM supervised_object
                 WHERE street_code = '120101001' AND village_code IS NOT NULL AND status = 'OPERATING'
                 ORDER BY village_code, id LIMIT 2
                """)
            .query()
            .listOfRows();
    assertThat(places).hasSize(2);
    String villageCode = (String) places.get(0).get("village_code");
    long object = ((Number) places.get(0).get("id")).longValue();
    String otherVillage = (String) places.get(1).get("village_code");

    long reporter = village("vreporter", villageCode);
    long committee = village("vcommittee", villageCode);
    long elsewhere = village("velsewhere", otherVillage);
    long street = user("heping.street");

    long id = report("vreporter." + suffix, "VILLAGE_REPORT", object);

    List<Long> notified = notified(id);
    assertThat(notified).contains(committee, street);
    assertThat(notified).doesNotContain(reporter, elsewhere, user("heping.admin"));
    Map<String, Object> streetNote =
        jdbc.sql(
                "SELECT message_key, link, message_args::text AS args FROM notification"
                    + " WHERE user_id = ? AND dedup_key = ?")
            .params(street, "village-report:" + id)
            .query()
            .singleRow();
    assertThat(streetNote.get("message_key")).isEqualTo("casework.notify.villageReportStreet");
    assertThat(streetNote.get("link")).isEqualTo("/cases/" + id);
    assertThat((String) streetNote.get("args")).contains("村内废品站堆放易燃物");

    // an officer's inspection report is not a village report
    long inspection = report("heping.officer", "OFFICER_INSPECTION", object);
    assertThat(notified(inspection)).isEmpty();

    // the street registers it
    mvc.perform(
            post("/api/v1/cases/" + id + "/register")
                .with(httpBasic("heping.street", "anwang-demo-2026"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isOk());
  }
}
