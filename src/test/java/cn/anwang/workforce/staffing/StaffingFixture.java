package cn.anwang.workforce.staffing;

import cn.anwang.workforce.officer.Assignments;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a small, fully known street for the staffing tests: grids (inserted straight into the grid
 * table, in real streets of a district that demo mode leaves empty), covered objects by risk level,
 * officers with a pre-post certificate, assignments through {@link Assignments}.
 */
final class StaffingFixture {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final JdbcClient jdbc;
  private final Assignments assignments;

  StaffingFixture(JdbcClient jdbc, Assignments assignments) {
    this.jdbc = jdbc;
    this.assignments = assignments;
  }

  /** The street's villages, in code order. */
  List<String> villages(String street) {
    return jdbc.sql("SELECT code FROM division WHERE parent_code = ? ORDER BY code")
        .param(street)
        .query(String.class)
        .list();
  }

  /** Adds a grid in a village (or street) and returns its code. */
  String grid(String divisionCode) {
    String code = "T" + divisionCode + "-" + SEQ.incrementAndGet();
    double x = 117.2 + (SEQ.get() % 1000) * 0.0001;
    double y = 39.1;
    GeometryFactory f = new GeometryFactory();
    Polygon p =
        f.createPolygon(
            new Coordinate[] {
              new Coordinate(x, y),
              new Coordinate(x + 0.00005, y),
              new Coordinate(x + 0.00005, y + 0.00005),
              new Coordinate(x, y + 0.00005),
              new Coordinate(x, y)
            });
    jdbc.sql(
            "INSERT INTO grid (code, name, division_code, district_code, geometry_wkb, area_m2,"
                + " min_lon, min_lat, max_lon, max_lat, synthetic)"
                + " VALUES (?, ?, ?, ?, ?, 20, ?, ?, ?, ?, true)")
        .params(
            code,
            "测试网格" + code,
            divisionCode,
            divisionCode.substring(0, 6),
            new WKBWriter().write(p),
            x,
            y,
            x + 0.00005,
            y + 0.00005)
        .update();
    return code;
  }

  /** Adds {@code count} covered objects of a risk level in the grid. */
  void objects(String grid, String level, int count) {
    String division =
        jdbc.sql("SELECT division_code FROM grid WHERE code = ?")
            .param(grid)
            .query(String.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO supervised_object (district_code, street_code, village_code, division_code,
                grid_code, kind, name, address, risk_level, risk_rule, synthetic)
            SELECT substr(:d, 1, 6), substr(:d, 1, 9), CASE WHEN length(:d) = 12 THEN :d END, :d,
                   :g, 'SMALL_SHOP', '测试对象' || :g || '-' || i, '测试地址', :level, 'DEFAULT', true
              FROM generate_series(1, :n) i
            """)
        .param("d", division)
        .param("g", grid)
        .param("level", level)
        .param("n", count)
        .update();
  }

  /** An officer of the street or village; with a valid pre-post certificate when trained. */
  long officer(String divisionCode, String tier, String status, boolean trained) {
    long id =
        jdbc.sql(
                "INSERT INTO officer (district_code, division_code, name, tier, employment, status)"
                    + " VALUES (?, ?, ?, ?, 'STAFF', ?) RETURNING id")
            .params(
                divisionCode.substring(0, 6),
                divisionCode,
                "测试网格员" + SEQ.incrementAndGet(),
                tier,
                status)
            .query(Long.class)
            .single();
    if (trained) {
      jdbc.sql(
              """
              INSERT INTO training_certificate (officer_id, course_id, district_code, number,
                  issued_on, expires_on)
              SELECT ?, id, ?, ?, current_date - 30, current_date + 300
                FROM training_course WHERE code = 'GRID-PRE-POST'
              """)
          .params(id, divisionCode.substring(0, 6), "TEST-" + id + "-" + SEQ.incrementAndGet())
          .update();
    }
    return id;
  }

  long trainedOfficer(String divisionCode, String tier) {
    return officer(divisionCode, tier, "CANDIDATE", true);
  }

  void assign(long officer, String... grids) {
    for (String g : grids) {
      assignments.assign(officer, g, LocalDate.now(), "test", null, "test");
    }
  }

  /** Revokes the officer's certificates (no longer qualified). */
  void revokeCertificates(long officer) {
    jdbc.sql(
            "UPDATE training_certificate SET revoked_at = now(), revoked_reason = 'test'"
                + " WHERE officer_id = ?")
        .param(officer)
        .update();
  }
}
