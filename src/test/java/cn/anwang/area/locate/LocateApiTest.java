package cn.anwang.area.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.area.GridLocator;
import cn.anwang.area.GridsChanged;
import cn.anwang.shared.geo.ChinaCoordinates;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import cn.anwang.shared.geo.GeodesicArea;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LocateApiTest {

  private static final String DEMO_PASSWORD = "anwang-demo-2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired GridLocator locator;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationEventPublisher events;

  @Test
  void locatesAPointToItsGridVillageStreetAndDistrict() throws Exception {
    Point p = insideFirstGridOf("120101001");
    String code = gridAt(p);
    mvc.perform(get("/api/v1/locate").param("lon", lon(p)).param("lat", lat(p)).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.grid.code").value(code))
        .andExpect(jsonPath("$.grid.name").isNotEmpty())
        .andExpect(jsonPath("$.village.code").value(code.substring(0, 12)))
        .andExpect(jsonPath("$.street.code").value("120101001"))
        .andExpect(jsonPath("$.district.code").value("120101"))
        .andExpect(jsonPath("$.district.name").value("和平区"))
        .andExpect(jsonPath("$.divisionCode").doesNotExist());
  }

  @Test
  void locatesGcj02AndBd09PointsLikeTheirWgs84Originals() throws Exception {
    Point p = insideFirstGridOf("120111001");
    String code = gridAt(p);
    for (CoordinateSystem crs : CoordinateSystem.values()) {
      GeoPoint shifted =
          ChinaCoordinates.convert(new GeoPoint(p.getX(), p.getY()), CoordinateSystem.WGS84, crs);
      mvc.perform(
              get("/api/v1/locate")
                  .param("lon", Double.toString(shifted.lon()))
                  .param("lat", Double.toString(shifted.lat()))
                  .param("crs", crs.key().toUpperCase(Locale.ROOT))
                  .with(admin()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.grid.code").value(code));
    }
  }

  @Test
  void answers404ProblemWhereNoGridIs() throws Exception {
    mvc.perform(get("/api/v1/locate").param("lon", "100.0").param("lat", "30.0").with(admin()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail", containsString("No grid")));
  }

  @Test
  void answers400ProblemsForBadInput() throws Exception {
    expectBadRequest(get("/api/v1/locate").param("lat", "39.1"), "lon");
    expectBadRequest(get("/api/v1/locate").param("lon", "abc").param("lat", "39.1"), "number");
    expectBadRequest(get("/api/v1/locate").param("lon", "117.2").param("lat", "95"), "lat");
    expectBadRequest(get("/api/v1/locate").param("lon", "190").param("lat", "39"), "lon");
    expectBadRequest(
        get("/api/v1/locate").param("lon", "117.2").param("lat", "39.1").param("crs", "utm"),
        "wgs84, gcj02 or bd09");
    expectBadRequest(batch("{\"points\":[[117.2,39.1],[117.2]]}"), "points[1]");
    expectBadRequest(batch("{\"crs\":\"wgs84\",\"points\":[[117.2,91]]}"), "points[0]");
    expectBadRequest(batch("{\"crs\":\"mars\",\"points\":[]}"), "mars");
    expectBadRequest(batch("{\"crs\":\"wgs84\"}"), "points");
  }

  @Test
  void batchAnswersInInputOrderWithNullsWhereNoGridIs() throws Exception {
    Point a = insideFirstGridOf("120101002");
    Point b = insideFirstGridOf("120111002");
    String body =
        String.format(
            Locale.ROOT,
            "{\"crs\":\"wgs84\",\"points\":[[%s,%s],[100.0,30.0],[%s,%s]]}",
            lon(a),
            lat(a),
            lon(b),
            lat(b));
    mvc.perform(batch(body).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.results", hasSize(3)))
        .andExpect(jsonPath("$.results[0].grid.code").value(gridAt(a)))
        .andExpect(jsonPath("$.results[1]").value(nullValue()))
        .andExpect(jsonPath("$.results[2].grid.code").value(gridAt(b)));
  }

  @Test
  void batchRefusesMoreThanTenThousandPoints() throws Exception {
    StringBuilder body = new StringBuilder("{\"points\":[");
    for (int i = 0; i <= 10_000; i++) {
      body.append(i == 0 ? "" : ",").append("[117.2,39.1]");
    }
    body.append("]}");
    mvc.perform(batch(body.toString()).with(admin()))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("10000")));
  }

  @Test
  void aStreetAdminLocatesOnlyInsideTheirStreet() throws Exception {
    Point own = insideFirstGridOf("120101001");
    Point other = insideFirstGridOf("120101002");
    mvc.perform(
            get("/api/v1/locate")
                .param("lon", lon(own))
                .param("lat", lat(own))
                .with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/locate")
                .param("lon", lon(other))
                .param("lat", lat(other))
                .with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/locate")
                .param("lon", lon(own))
                .param("lat", lat(own))
                .with(httpBasic("xiqing.admin", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    String body =
        String.format(
            Locale.ROOT,
            "{\"points\":[[%s,%s],[%s,%s]]}",
            lon(own),
            lat(own),
            lon(other),
            lat(other));
    mvc.perform(batch(body).with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.results[0].street.code").value("120101001"))
        .andExpect(jsonPath("$.results[1]").value(nullValue()));
  }

  @Test
  void refusesAnonymousCallers() throws Exception {
    mvc.perform(get("/api/v1/locate").param("lon", "117.2").param("lat", "39.1"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void seesAHoledGridRightAfterItsChangeCommits() throws Exception {
    // a holed grid, far from the demo districts (蓟州区 文昌街道)
    String street = "120119001";
    Geometry holed =
        new WKTReader()
            .read(
                "POLYGON ((117.40 40.00, 117.41 40.00, 117.41 40.01, 117.40 40.01, 117.40 40.00),"
                    + " (117.404 40.004, 117.406 40.004, 117.406 40.006, 117.404 40.006,"
                    + " 117.404 40.004))");
    try {
      change(() -> insert("TEST-HOLED", street, holed));
      mvc.perform(
              get("/api/v1/locate").param("lon", "117.401").param("lat", "40.001").with(admin()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.grid.code").value("TEST-HOLED"))
          .andExpect(jsonPath("$.village").value(nullValue()))
          .andExpect(jsonPath("$.street.code").value(street));
      mvc.perform(
              get("/api/v1/locate").param("lon", "117.405").param("lat", "40.005").with(admin()))
          .andExpect(status().isNotFound());
    } finally {
      change(() -> jdbc.sql("DELETE FROM grid WHERE code = 'TEST-HOLED'").update());
    }
    assertThat(locator.locate(117.401, 40.001)).isEmpty();
  }

  @Test
  void noticesAChangeMadeByAnotherServerThroughTheVersionPoll() throws Exception {
    // written as another server would: grid and version bumped, but no event in this JVM
    Geometry square =
        new WKTReader()
            .read(
                "POLYGON ((117.45 40.00, 117.46 40.00, 117.46 40.01, 117.45 40.01, 117.45 40.00))");
    try {
      transactions.executeWithoutResult(
          s -> {
            insert("TEST-POLLED", "120119001", square);
            jdbc.sql("UPDATE grid_index_version SET version = version + 1 WHERE id = 1").update();
          });
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> locator.locate(117.455, 40.005).isPresent());
      assertThat(locator.locate(117.455, 40.005).orElseThrow().grid().code())
          .isEqualTo("TEST-POLLED");
    } finally {
      change(() -> jdbc.sql("DELETE FROM grid WHERE code = 'TEST-POLLED'").update());
    }
  }

  private void change(Runnable work) {
    transactions.executeWithoutResult(
        s -> {
          work.run();
          jdbc.sql("UPDATE grid_index_version SET version = version + 1 WHERE id = 1").update();
          events.publishEvent(new GridsChanged("test"));
        });
  }

  private void insert(String code, String division, Geometry g) {
    var e = g.getEnvelopeInternal();
    jdbc.sql(
            "INSERT INTO grid (code, name, division_code, district_code, geometry_wkb, area_m2,"
                + " min_lon, min_lat, max_lon, max_lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            code,
            code,
            division,
            division.substring(0, 6),
            new WKBWriter().write(g),
            GeodesicArea.squareMetres(g),
            e.getMinX(),
            e.getMinY(),
            e.getMaxX(),
            e.getMaxY())
        .update();
  }

  private void expectBadRequest(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String detail)
      throws Exception {
    mvc.perform(request.with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString(detail)));
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder batch(
      String body) {
    return post("/api/v1/locate").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static RequestPostProcessor admin() {
    return httpBasic("admin", "admin-test-password");
  }

  private Point insideFirstGridOf(String street) throws Exception {
    byte[] wkb =
        jdbc.sql(
                "SELECT geometry_wkb FROM grid WHERE synthetic AND division_code LIKE ?"
                    + " ORDER BY code LIMIT 1")
            .param(street + "%")
            .query(byte[].class)
            .single();
    return new WKBReader().read(wkb).getInteriorPoint();
  }

  private String gridAt(Point p) {
    return locator.locate(p.getX(), p.getY()).orElseThrow().grid().code();
  }

  private static String lon(Point p) {
    return Double.toString(p.getX());
  }

  private static String lat(Point p) {
    return Double.toString(p.getY());
  }
}
