package cn.anwang.scope;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Representative writes by 和平区's administrator, committed (not in a transaction, so that a
 * connection kept by a write would show in the pool): a token created and revoked, a department
 * saved with its own values, and writes refused with 400, 409 and 422 — refused writes are where a
 * connection or a statement is most easily left behind. Each returns its status; what they leave
 * (tokens, the department's version) is put back by {@link #cleanUp()}.
 */
final class RepeatedWrites {

  static final String TOKEN_NAME = "repeated-load";

  /** One write and the status it must answer every time. */
  record Write(String name, List<Integer> expected, Call call) {}

  @FunctionalInterface
  interface Call {
    int perform() throws Exception;
  }

  private final MockMvc mvc;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RequestPostProcessor admin;
  private final String department;
  private final int departmentVersion;

  RepeatedWrites(MockMvc mvc, UserDetailsService users, JdbcClient jdbc, ObjectMapper json) {
    this.mvc = mvc;
    this.jdbc = jdbc;
    this.json = json;
    this.admin = user(users.loadUserByUsername(Callers.HOME_ADMIN.username()));
    this.department =
        jdbc.sql("SELECT code FROM org_department WHERE district_code = ? ORDER BY code LIMIT 1")
            .param(Callers.HOME_DISTRICT)
            .query(String.class)
            .single();
    this.departmentVersion =
        jdbc.sql("SELECT version FROM org_department WHERE code = ?")
            .param(department)
            .query(Integer.class)
            .single();
  }

  List<Write> all() throws Exception {
    ObjectNode same = (ObjectNode) json.readTree(answer(get("/api/v1/departments/" + department)));
    same.putNull("version");
    String existing = same.toString();
    return List.of(
        new Write(
            "POST+DELETE /api/v1/tokens (create, revoke)", List.of(204), this::tokenRoundTrip),
        new Write(
            "PUT /api/v1/departments/{code} (its own values)",
            List.of(200),
            () -> status(put("/api/v1/departments/" + department), existing)),
        new Write(
            "POST /api/v1/departments (the code exists: 409)",
            List.of(409),
            () -> status(post("/api/v1/departments"), existing)),
        new Write(
            "POST /api/v1/departments/{code}/deactivate (stale version: 409)",
            List.of(409),
            () ->
                status(
                    post("/api/v1/departments/" + department + "/deactivate")
                        .param("version", "-1"),
                    null)),
        new Write(
            "POST /api/v1/cases (empty: 422)",
            List.of(422),
            () -> status(post("/api/v1/cases"), "{}")),
        new Write(
            "POST /api/v1/objects (empty: 422)",
            List.of(422),
            () -> status(post("/api/v1/objects"), "{}")),
        new Write(
            "PUT /api/v1/staffing/workload-settings/{scope} (malformed: 400)",
            List.of(400),
            () ->
                status(
                    put("/api/v1/staffing/workload-settings/" + Callers.HOME_DISTRICT),
                    "{\"weights\": \"not an object\"")),
        new Write(
            "POST /users (page form, empty: re-shown with errors)",
            List.of(200, 400),
            () ->
                mvc.perform(post("/users").with(admin).with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus()));
  }

  private int tokenRoundTrip() throws Exception {
    String created =
        answer(post("/api/v1/tokens"), "{\"name\":\"" + TOKEN_NAME + "\",\"scope\":\"READ\"}");
    long id = json.readTree(created).get("id").asLong();
    return status(delete("/api/v1/tokens/" + id), null);
  }

  /** Removes the tokens and puts the department's version back (each save bumps it). */
  Map<String, Integer> cleanUp() {
    Map<String, Integer> removed = new LinkedHashMap<>();
    removed.put(
        "api_token", jdbc.sql("DELETE FROM api_token WHERE name = ?").param(TOKEN_NAME).update());
    removed.put(
        "org_department version",
        jdbc.sql("UPDATE org_department SET version = ? WHERE code = ?")
            .params(departmentVersion, department)
            .update());
    return removed;
  }

  private int status(MockHttpServletRequestBuilder request, String body) throws Exception {
    return send(request, body).getStatus();
  }

  private String answer(MockHttpServletRequestBuilder request) throws Exception {
    return send(request, null).getContentAsString();
  }

  private String answer(MockHttpServletRequestBuilder request, String body) throws Exception {
    MockHttpServletResponse response = send(request, body);
    if (response.getStatus() / 100 != 2) {
      throw new IllegalStateException(response.getStatus() + " " + response.getContentAsString());
    }
    return response.getContentAsString();
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body)
      throws Exception {
    request.with(admin).with(csrf()).accept(MediaType.APPLICATION_JSON);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request).andReturn().getResponse();
  }
}
