package cn.anwang.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/** The case pages over MockMvc: only the actions the role may take now are offered. */
@IntegrationTest
class CasePagesTest {

  static final String PASSWORD = "anwang-demo-2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  static long objectInHepingStreet(JdbcClient jdbc) {
    return jdbc.sql(
            """
            SELECT o.id FROM supervised_object o
             WHERE o.street_code = '120101001' AND o.status = 'OPERATING' AND NOT o.direct_supervision
               AND EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id)
             ORDER BY o.id LIMIT 1 OFFSET 3
            """)
        .query(Long.class)
        .single();
  }

  private long report() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/cases")
                    .with(httpBasic("heping.officer", PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "type", "GENERAL_HAZARD",
                                "source", "OFFICER_INSPECTION",
                                "objectId", objectInHepingStreet(jdbc),
                                "title", "消防通道堵塞",
                                "description", "仓库后门通道堆放杂物"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  private String page(String user, String path) throws Exception {
    return mvc.perform(get(path).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The ids of the action forms offered on a case page. */
  private static List<String> actions(String html) {
    return Pattern.compile("<details [^>]*id=\"(action-[A-Z_]+)\"")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  /** The actions of the timeline's lines, in order. */
  private static List<String> timeline(String html) {
    return Pattern.compile("<li class=\"list-group-item\" data-action=\"([A-Z_]+)\"")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  private static String link(long id) {
    return "href=\"/cases/" + id + "\"";
  }

  @Test
  void theCasePageOffersOnlyTheActionsTheRoleMayTakeNow() throws Exception {
    long id = report();

    // reported: the street registers or voids; the officer who reported it has nothing to do
    assertThat(actions(page("heping.street", "/cases/" + id)))
        .containsExactlyInAnyOrder("action-REGISTER", "action-VOID");
    String officer = page("heping.officer", "/cases/" + id);
    assertThat(actions(officer)).isEmpty();
    assertThat(officer).contains("id=\"no-actions\"");
    assertThat(actions(page("heping.admin", "/cases/" + id)))
        .contains("action-REGISTER", "action-VOID")
        .doesNotContain("action-ACCEPT", "action-CLOSE");
    // the department does not see a case not dispatched to it
    mvc.perform(get("/cases/" + id).with(as("heping.yingji"))).andExpect(status().isNotFound());

    // register and dispatch to the department through the page's forms
    mvc.perform(
            multipart("/cases/" + id + "/actions/REGISTER")
                .param("reason", "属实")
                .with(as("heping.street"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    String registered = page("heping.street", "/cases/" + id);
    assertThat(actions(registered)).contains("action-DISPATCH").doesNotContain("action-REGISTER");
    // the dispatch form preselects the suggested handler
    assertThat(registered)
        .containsPattern("<option value=\"DEPARTMENT:[^\"]+\" selected=\"selected\"");
    mvc.perform(
            multipart("/cases/" + id + "/actions/DISPATCH")
                .param("handler", "DEPARTMENT:120101-YJ")
                .param("reason", "属地为应急局监管")
                .with(as("heping.street"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    // now the department handles it, the street only supervises as dispatcher
    assertThat(actions(page("heping.yingji", "/cases/" + id)))
        .contains("action-ACCEPT", "action-RETURN", "action-REQUEST_EXTENSION")
        .doesNotContain("action-DISPATCH", "action-CLOSE");
    assertThat(actions(page("heping.street", "/cases/" + id)))
        .doesNotContain("action-ACCEPT", "action-DISPATCH", "action-REGISTER");
    assertThat(actions(page("heping.admin", "/cases/" + id))).contains("action-SUPERVISE");
    // the department's inbox lists it
    assertThat(page("heping.yingji", "/cases/inbox")).contains(link(id));
    assertThat(page("heping.street", "/cases/inbox")).doesNotContain(link(id));

    // a wrong action through the page: the error in the page's language, nothing changed
    String location =
        mvc.perform(
                multipart("/cases/" + id + "/actions/CLOSE").with(as("heping.street")).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getFlashMap()
            .get("failure")
            .toString();
    assertThat(location).contains("结案");
    assertThat(
            jdbc.sql("SELECT status FROM safety_case WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("DISPATCHED");
    String page = page("heping.street", "/cases/" + id);
    assertThat(timeline(page)).containsExactly("REPORT", "REGISTER", "DISPATCH");
    assertThat(page).contains("属地为应急局监管");
  }

  @Test
  void reInspectionThroughThePageNeedsAPhoto() throws Exception {
    long id = report();
    for (String action : new String[] {"REGISTER", "DISPATCH", "ACCEPT"}) {
      var request =
          multipart("/cases/" + id + "/actions/" + action).with(as("heping.street")).with(csrf());
      if (action.equals("DISPATCH")) {
        request.param("handler", "STREET:120101001");
      }
      mvc.perform(request).andExpect(status().is3xxRedirection());
    }
    mvc.perform(
            multipart("/cases/" + id + "/actions/FEEDBACK")
                .param("reason", "已清理")
                .with(as("heping.street"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(actions(page("heping.officer", "/cases/" + id)))
        .containsExactlyInAnyOrder("action-REINSPECT_PASS", "action-REWORK");

    Object failure =
        mvc.perform(
                multipart("/cases/" + id + "/actions/REINSPECT_PASS")
                    .param("lon", "117.19")
                    .param("lat", "39.12")
                    .param("lang", "en")
                    .with(as("heping.officer"))
                    .with(csrf()))
            .andReturn()
            .getFlashMap()
            .get("failure");
    assertThat(failure).isEqualTo("Photo on site (required)");
    assertThat(
            jdbc.sql("SELECT status FROM safety_case WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("FEEDBACK_SUBMITTED");

    MockMultipartFile photo =
        new MockMultipartFile("files", "site.png", "image/png", AttachmentFixtures.png());
    mvc.perform(
            multipart("/cases/" + id + "/actions/REINSPECT_PASS")
                .file(photo)
                .param("lon", "117.19")
                .param("lat", "39.12")
                .param("reason", "复查合格")
                .with(as("heping.officer"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    String done = page("heping.street", "/cases/" + id);
    assertThat(done).contains("data-status=\"REINSPECTED\"");
    String reinspection = done.substring(done.indexOf("data-action=\"REINSPECT_PASS\""));
    assertThat(reinspection).contains("class=\"img-thumbnail\"").contains("117.19");
    assertThat(timeline(done))
        .containsExactly("REPORT", "REGISTER", "DISPATCH", "ACCEPT", "FEEDBACK", "REINSPECT_PASS");
    assertThat(actions(done)).contains("action-CLOSE");
  }

  @Test
  void theCentreCountsAndListsCasesOfTheCallersLevel() throws Exception {
    long id = report();
    String centre = page("heping.street", "/cases/centre");
    assertThat(centre).contains(link(id));
    assertThat(centre).containsPattern("id=\"count-reported\">[1-9][0-9]*<");
    assertThat(page("xiqing.street", "/cases/centre")).doesNotContain(link(id));
    mvc.perform(get("/cases/centre").with(as("heping.officer"))).andExpect(status().isForbidden());
    assertThat(page("heping.officer", "/cases/mine")).contains(link(id));
    assertThat(page("heping.street", "/cases/mine")).doesNotContain(link(id));
    String form = page("heping.officer", "/cases/new");
    assertThat(form).contains("id=\"case-form\"").contains("name=\"idempotencyKey\"");
  }
}
