package cn.anwang.inspection.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/me/grids} and {@code /api/v1/me/objects} over real HTTP. */
@IntegrationTest
class MyAreaApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  PhoneFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new PhoneFixtures(jdbc);
  }

  @AfterEach
  void tearDown() {
    fixtures.close();
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(
            user, user.equals("admin") ? "admin-test-password" : "anwang-demo-2026")
        .getForEntity(path, String.class);
  }

  private JsonNode body(ResponseEntity<String> response) {
    return json.readTree(response.getBody());
  }

  @Test
  void anOfficerGetsTheirGridsAsGeoJsonWithGeometry() {
    assertThat(fixtures.grids).hasSize(2);
    ResponseEntity<String> answer = get(PhoneFixtures.USER, "/api/v1/me/grids");
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/geo+json");
    JsonNode collection = body(answer);
    assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
    List<String> codes = new ArrayList<>();
    for (JsonNode feature : collection.get("features")) {
      codes.add(feature.get("properties").get("code").asString());
      assertThat(feature.get("geometry").get("type").asString()).endsWith("Polygon");
      assertThat(feature.get("geometry").get("coordinates").size()).isPositive();
    }
    assertThat(codes).containsAll(fixtures.grids);
  }

  @Test
  void anOfficerGetsTheObjectsInTheirGridsWithPositionAndRisk() {
    JsonNode objects = body(get(PhoneFixtures.USER, "/api/v1/me/objects"));
    assertThat(objects.get("truncated").asBoolean()).isFalse();
    List<String> gridCodes = new ArrayList<>();
    objects.get("gridCodes").forEach(g -> gridCodes.add(g.asString()));
    assertThat(gridCodes).containsAll(fixtures.grids);
    List<Long> ids = new ArrayList<>();
    for (JsonNode o : objects.get("items")) {
      ids.add(o.get("id").asLong());
      assertThat(gridCodes).contains(o.get("gridCode").asString());
      assertThat(o.get("status").asString()).isNotEqualTo("CLOSED");
      assertThat(o.get("name").asString()).isNotBlank();
    }
    assertThat(ids).containsAll(fixtures.objectIds());
    JsonNode placed =
        objects
            .get("items")
            .valueStream()
            .filter(o -> !o.get("lon").isNull())
            .findFirst()
            .orElseThrow();
    assertThat(placed.get("lon").asDouble()).isBetween(116.5, 118.5);
    assertThat(placed.get("lat").asDouble()).isBetween(38.5, 40.5);
    assertThat(placed.get("riskLevel").asString()).isIn("RED", "ORANGE", "YELLOW", "BLUE");
  }

  @Test
  void aUserWhoIsNotAnOfficerHasNoGridsAndNoObjects() {
    JsonNode grids = body(get("heping.street", "/api/v1/me/grids"));
    assertThat(grids.get("features").size()).isZero();
    JsonNode objects = body(get("heping.street", "/api/v1/me/objects"));
    assertThat(objects.get("items").size()).isZero();
    assertThat(objects.get("gridCodes").size()).isZero();
  }

  @Test
  void gridsOutsideTheCallersTerritoryAreLeftOut() {
    // an assignment to a grid of another district (a data error) does not leak that grid
    String foreign =
        jdbc.sql("SELECT code FROM grid WHERE district_code = '120111' ORDER BY code LIMIT 1")
            .query(String.class)
            .single();
    long id =
        jdbc.sql(
                """
                INSERT INTO officer_assignment (officer_id, grid_code, district_code,
                       grid_division_code, starts_on, created_by)
                SELECT ?, code, district_code, division_code, current_date, 'test'
                  FROM grid WHERE code = ? RETURNING id
                """)
            .params(fixtures.officerId, foreign)
            .query(Long.class)
            .single();
    try {
      JsonNode objects = body(get(PhoneFixtures.USER, "/api/v1/me/objects"));
      List<String> gridCodes = new ArrayList<>();
      objects.get("gridCodes").forEach(g -> gridCodes.add(g.asString()));
      assertThat(gridCodes).containsAll(fixtures.grids).doesNotContain(foreign);
      for (JsonNode o : objects.get("items")) {
        assertThat(o.get("gridCode").asString()).isNotEqualTo(foreign);
      }
      assertThat(get(PhoneFixtures.USER, "/api/v1/me/grids").getBody()).doesNotContain(foreign);
    } finally {
      jdbc.sql("DELETE FROM officer_assignment WHERE id = ?").param(id).update();
    }
  }

  @Test
  void anonymousCallersAreRefused() {
    assertThat(rest.getForEntity("/api/v1/me/objects", String.class).getStatusCode().value())
        .isEqualTo(401);
  }
}
