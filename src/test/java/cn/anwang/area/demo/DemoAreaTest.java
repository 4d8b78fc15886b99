package cn.anwang.area.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoAreaTest {

  @Autowired JdbcClient jdbc;
  @Autowired GridLocator locator;
  @Autowired DemoAreaRunner runner;

  @Test
  void demoModeFillsHepingAndXiqingWithSyntheticGridsInsideTheRealDistricts() throws Exception {
    Map<String, Geometry> districts = new HashMap<>();
    for (String code : List.of("120101", "120111")) {
      byte[] wkb =
          jdbc.sql("SELECT boundary_wkb FROM division WHERE code = ?")
              .param(code)
              .query(byte[].class)
              .single();
      districts.put(code, new WKBReader().read(wkb));
    }
    List<DemoGrid> grids =
        jdbc.sql(
                // grids other tests import into the shared database carry the prefix T-
                "SELECT code, district_code, synthetic, geometry_wkb FROM grid"
                    + " WHERE district_code IN ('120101', '120111') AND code NOT LIKE 'T-%'")
            .query(
                (rs, row) ->
                    new DemoGrid(
                        rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4)))
            .list();

    assertThat(grids).hasSizeGreaterThanOrEqualTo(300);
    assertThat(grids.stream().filter(g -> g.districtCode().equals("120101")))
        .hasSizeGreaterThanOrEqualTo(60);
    WKBReader reader = new WKBReader();
    for (DemoGrid grid : grids) {
      assertThat(grid.synthetic()).as(grid.code()).isTrue();
      Geometry shape = reader.read(grid.wkb());
      assertThat(shape.isValid()).as(grid.code() + " valid").isTrue();
      // inside its district up to floating-point noise
      double outside = shape.difference(districts.get(grid.districtCode())).getArea();
      assertThat(outside).as(grid.code() + " outside its district").isLessThan(1e-12);
    }
  }

  @Test
  void everyDemoStreetAndVillageHasASyntheticBoundary() {
    long missing =
        jdbc.sql(
                "SELECT count(*) FROM division WHERE district_code IN ('120101', '120111')"
                    + " AND level IN ('street', 'village')"
                    + " AND (boundary_wkb IS NULL OR NOT boundary_synthetic)")
            .query(Long.class)
            .single();
    assertThat(missing).isZero();
  }

  @Test
  void demoGridsIncludeIndustrialAndCommercialClusters() {
    List<String> types =
        jdbc.sql("SELECT DISTINCT type FROM grid WHERE synthetic ORDER BY type")
            .query(String.class)
            .list();
    assertThat(types).contains("REGULAR", "INDUSTRIAL_CLUSTER", "COMMERCIAL_CLUSTER");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM grid WHERE synthetic AND code NOT LIKE division_code || '-__'")
                .query(Long.class)
                .single())
        .as("codes like <divisionCode>-01")
        .isZero();
  }

  @Test
  void theLocatorFindsEveryDemoGridAtAPointInside() throws Exception {
    WKBReader reader = new WKBReader();
    List<Object[]> grids =
        jdbc.sql("SELECT code, geometry_wkb FROM grid WHERE synthetic")
            .query((rs, row) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .list();
    // other tests in the shared database may put smaller grids on top: leave their area out
    List<org.locationtech.jts.geom.Envelope> others =
        jdbc.sql("SELECT min_lon, max_lon, min_lat, max_lat FROM grid WHERE NOT synthetic")
            .query(
                (rs, row) ->
                    new org.locationtech.jts.geom.Envelope(
                        rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
            .list();
    for (Object[] grid : grids) {
      Point inside = reader.read((byte[]) grid[1]).getInteriorPoint();
      if (others.stream().anyMatch(e -> e.covers(inside.getX(), inside.getY()))) {
        continue;
      }
      Location location = locator.locate(inside.getX(), inside.getY()).orElseThrow();
      assertThat(location.grid().code()).isEqualTo(grid[0]);
      assertThat(location.district().code()).isEqualTo(((String) grid[0]).substring(0, 6));
    }
  }

  @Test
  void runningAgainAddsNothing() throws Exception {
    long before = jdbc.sql("SELECT count(*) FROM grid").query(Long.class).single();
    long version = jdbc.sql("SELECT version FROM grid_index_version").query(Long.class).single();
    runner.run(null);
    assertThat(jdbc.sql("SELECT count(*) FROM grid").query(Long.class).single()).isEqualTo(before);
    assertThat(jdbc.sql("SELECT version FROM grid_index_version").query(Long.class).single())
        .isEqualTo(version);
  }

  private record DemoGrid(String code, String districtCode, boolean synthetic, byte[] wkb) {}
}
