package cn.anwang.partner;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.shared.uscc.UsccGenerator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The partner tests' calls over HTTP as the demo users, the administrator or a partner account, and
 * the organisations and accounts they start from.
 */
public final class PartnerFixture {

  public static final String PARTNER_PASSWORD = "partner-password-1";

  private final MockMvc mvc;
  private final ObjectMapper json;

  public PartnerFixture(MockMvc mvc, ObjectMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    if (body != null) {
      r = r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }
    String password =
        "admin".equals(user)
            ? "admin-test-password"
            : user.startsWith("partner.") ? PARTNER_PASSWORD : "anwang-demo-2026";
    String out =
        mvc.perform(r.with(httpBasic(user, password)))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return out.isEmpty() ? null : json.readTree(out);
  }

  /** An organisation registered by 和平区 with one qualification of {@code type}; its id. */
  public long organisation(String name, String type, LocalDate validFrom, LocalDate validTo)
      throws Exception {
    String uscc = new UsccGenerator(new Random()).nextEnterprise("120101");
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("type", type);
    q.put("certificateNo", type + "-" + uscc);
    q.put("issuer", "天津市应急管理局");
    q.put("validFrom", validFrom.toString());
    q.put("validTo", validTo.toString());
    return call(
            "heping.admin",
            post("/api/v1/partners"),
            Map.of("uscc", uscc, "name", name + uscc.substring(12), "qualifications", List.of(q)),
            201)
        .get("id")
        .asLong();
  }

  /** A new THIRD_PARTY account in 和平区 (password {@value #PARTNER_PASSWORD}); its username. */
  public String partnerAccount(String displayName) throws Exception {
    String username = "partner." + System.nanoTime();
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("displayName", displayName);
    user.put("role", "THIRD_PARTY");
    user.put("territoryCode", "120101");
    user.put("password", PARTNER_PASSWORD);
    call("admin", post("/api/v1/users"), user, 201);
    return username;
  }

  /**
   * A government-purchase engagement of 和平区 over these grids and objects, active since yesterday.
   */
  public long engagement(long organisation, List<String> grids, List<Long> objects)
      throws Exception {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("organisationId", organisation);
    e.put("kind", "GOVERNMENT_PURCHASE");
    e.put("client", "和平区应急管理局");
    e.put("services", List.of("HAZARD_SURVEY"));
    e.put("contractRef", "HPYJ-2026-" + organisation);
    e.put("startsOn", today.minusDays(1).toString());
    e.put("endsOn", today.plusMonths(3).toString());
    e.put("grids", grids);
    e.put("objects", objects);
    return call("heping.admin", post("/api/v1/partner-engagements"), e, 201).get("id").asLong();
  }

  /** Grants the partner account to the organisation (as 和平区's administrator). */
  public void grant(long organisation, String username) throws Exception {
    call(
        "heping.admin",
        post("/api/v1/partners/" + organisation + "/users"),
        Map.of("username", username),
        204);
  }
}
