package cn.anwang.outreach.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The document tests' calls over HTTP and what they start from: an officer alone in a grid with two
 * new small shops, a fresh enterprise user linked to one of them.
 */
public final class DocumentFixture {

  public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  public static final String ENTERPRISE_PASSWORD = "enterprise-password-1";

  private final MockMvc mvc;
  private final ObjectMapper json;
  private final JdbcClient jdbc;

  public DocumentFixture(MockMvc mvc, ObjectMapper json, JdbcClient jdbc) {
    this.mvc = mvc;
    this.json = json;
    this.jdbc = jdbc;
  }

  JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    if (body != null) {
      r = r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }
    String out = response(user, r.header("Accept-Language", "zh-CN"), expect).getContentAsString();
    return out.isEmpty() ? null : json.readTree(out);
  }

  /** The raw answer, for files. */
  MockHttpServletResponse response(String user, MockHttpServletRequestBuilder r, int expect)
      throws Exception {
    String password =
        "admin".equals(user)
            ? "admin-test-password"
            : user.startsWith("qiye.") ? ENTERPRISE_PASSWORD : "anwang-demo-2026";
    return mvc.perform(r.with(httpBasic(user, password)))
        .andExpect(status().is(expect))
        .andReturn()
        .getResponse();
  }

  /** An officer with a log-in in a grid of 劝业场街道, and two new small shops there. */
  public record Officer(String username, String grid, long shopA, long shopB) {}

  private record Place(String grid, String division, double lon, double lat) {}

  /**
   * The grid the officers of {@link #officerWithShops()} share in this JVM (one database per JVM):
   * each takes a grid out of the villages the workforce tests need free, so they take one between
   * them.
   */
  private static volatile Place shared;

  /**
   * A new officer (his own log-in) in the grid this JVM's document tests share, with two new small
   * shops there. Tests that count a whole grid take {@link #officerInAFreshGrid()}.
   */
  public Officer officerWithShops() {
    Place p = shared;
    if (p == null) {
      synchronized (DocumentFixture.class) {
        if (shared == null) {
          shared = freeGrid();
        }
        p = shared;
      }
    }
    return officerIn(p);
  }

  /** A new officer alone in a grid no one else is assigned to, with two new small shops there. */
  public Officer officerInAFreshGrid() {
    return officerIn(freeGrid());
  }

  /**
   * A grid of 劝业场街道 without an officer, in a division with as few grids as possible (the officer
   * tests take the villages with two or more free grids).
   */
  private Place freeGrid() {
    return jdbc.sql(
            """
            SELECT o.grid_code, g.division_code, o.lon, o.lat
              FROM supervised_object o JOIN grid g ON g.code = o.grid_code
             WHERE o.street_code = '120101001' AND o.lon IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM officer_assignment a
                                WHERE a.grid_code = o.grid_code AND a.ends_on IS NULL)
             ORDER BY (SELECT count(*) FROM grid s WHERE s.division_code = g.division_code),
                      o.grid_code, o.id
             LIMIT 1
            """)
        .query(
            (rs, n) ->
                new Place(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
        .single();
  }

  private Officer officerIn(Place p) {
    String username = "doc-officer-" + System.nanoTime();
    long userId =
        jdbc.sql(
                """
                INSERT INTO app_user (username, password_hash, display_name, role, territory_code)
                SELECT ?, password_hash, '送达网格员', 'STREET_OFFICER', '120101001' FROM app_user
                 WHERE username = 'heping.officer' RETURNING id
                """)
            .param(username)
            .query(Long.class)
            .single();
    long officerId =
        jdbc.sql(
                """
                INSERT INTO officer (district_code, division_code, name, tier, employment, status,
                                     user_id)
                VALUES ('120101', '120101001', '送达网格员', 'STREET', 'STAFF', 'ACTIVE', ?)
                RETURNING id
                """)
            .param(userId)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO officer_assignment (officer_id, grid_code, district_code, grid_division_code,
                                            starts_on, created_by)
            VALUES (?, ?, '120101', ?, DATE '2020-01-01', 'test')
            """)
        .params(officerId, p.grid(), p.division())
        .update();
    return new Officer(username, p.grid(), shop("便民小卖部", p), shop("五金小店", p));
  }

  private long shop(String name, Place p) {
    return jdbc.sql(
            """
            INSERT INTO supervised_object (district_code, street_code, village_code, division_code,
                grid_code, kind, name, address, lon, lat, risk_level, risk_rule, synthetic)
            VALUES ('120101', '120101001', CASE WHEN length(?) = 12 THEN ? END, ?, ?, 'SMALL_SHOP',
                    ?, '测试地址', ?, ?, 'BLUE', 'DEFAULT', true)
            RETURNING id
            """)
        .params(
            p.division(),
            p.division(),
            p.division(),
            p.grid(),
            name + "-" + System.nanoTime() % 100000,
            p.lon(),
            p.lat())
        .query(Long.class)
        .single();
  }

  /** The small shops of a grid that are not closed, by id. */
  public List<Long> shops(String grid) {
    return jdbc.sql(
            "SELECT id FROM supervised_object WHERE grid_code = ? AND kind = 'SMALL_SHOP'"
                + " AND status <> 'CLOSED' ORDER BY id")
        .param(grid)
        .query(Long.class)
        .list();
  }

  /** A new enterprise user linked to the object by the street; its username. */
  public String enterpriseOf(long object) throws Exception {
    String username = "qiye." + System.nanoTime();
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("displayName", "店主" + username.substring(username.length() - 4));
    user.put("role", "ENTERPRISE_USER");
    user.put("territoryCode", "120101001");
    user.put("password", ENTERPRISE_PASSWORD);
    call("admin", post("/api/v1/users"), user, 201);
    call(
        "heping.street",
        post("/api/v1/objects/" + object + "/accounts"),
        Map.of("username", username),
        200);
    return username;
  }

  static Map<String, Object> document(String title, LocalDate deadline, Map<String, ?> targets) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("clientId", UUID.randomUUID().toString());
    d.put("title", title);
    d.put("issuer", "和平区安全生产委员会办公室");
    d.put("number", "和安委办〔2026〕12号");
    d.put("summary", "冬季燃气使用安全提示：严禁在营业场所使用瓶装液化气，请于期限内签收。");
    d.put("receiptDeadline", deadline.toString());
    d.put("targets", targets);
    return d;
  }

  /** An in-person delivery visit as the phone sends it. */
  static Map<String, Object> visit(long object, String reference) throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    String id = UUID.randomUUID().toString();
    v.put("clientId", id);
    v.put("kind", "DOCUMENT_DELIVERY");
    v.put("objectId", object);
    v.put("startedAt", OffsetDateTime.now().minusMinutes(5).toString());
    v.put("endedAt", OffsetDateTime.now().toString());
    v.put("signerName", "王店长");
    v.put("signature", "data:image/png;base64," + Base64.getEncoder().encodeToString(png()));
    v.put("findings", "送达文件一份，当面签收");
    v.put("reference", reference);
    return v;
  }

  public static byte[] png() throws Exception {
    BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.drawLine(5, 30, 115, 8);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
