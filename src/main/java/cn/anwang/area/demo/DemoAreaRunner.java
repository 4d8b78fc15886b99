package cn.anwang.area.demo;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.GridsChanged;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.geo.GeodesicArea;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: fills the demo districts with synthetic street and village boundaries (inside the
 * real district boundary) and grids, all marked synthetic, in one transaction. Idempotent: skipped
 * when the demo districts already hold synthetic grids.
 */
@Component
@Order(StartupOrder.DEMO_AREA)
@ConditionalOnBooleanProperty("anwang.demo")
class DemoAreaRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoAreaRunner.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;
  private final Divisions divisions;
  private final ApplicationEventPublisher events;
  private final DemoAreaProperties properties;

  DemoAreaRunner(
      JdbcClient jdbc,
      JdbcTemplate batch,
      TransactionTemplate transactions,
      Divisions divisions,
      ApplicationEventPublisher events,
      DemoAreaProperties properties) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = transactions;
    this.divisions = divisions;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.executeWithoutResult(status -> synthesise());
  }

  private void synthesise() {
    // the version row doubles as a lock, so two servers starting at once write the demo once
    jdbc.sql("SELECT version FROM grid_index_version WHERE id = 1 FOR UPDATE")
        .query(Long.class)
        .single();
    long existing =
        jdbc.sql("SELECT count(*) FROM grid WHERE synthetic AND district_code IN (:districts)")
            .param("districts", properties.districts())
            .query(Long.class)
            .single();
    if (existing > 0) {
      log.info("Demo area present ({} synthetic grids), left as it is", existing);
      return;
    }
    long started = System.nanoTime();
    SyntheticArea synthesiser =
        new SyntheticArea(
            properties.seed(),
            properties.minGridsPerVillage(),
            Math.max(properties.minGridsPerVillage(), properties.maxGridsPerVillage()));
    int grids = 0;
    for (String code : properties.districts()) {
      Division district =
          divisions
              .find(code)
              .orElseThrow(() -> new IllegalStateException("Unknown demo district " + code));
      Geometry boundary = boundary(code);
      if (boundary == null) {
        log.warn("Demo district {} has no boundary; no demo grids there", code);
        continue;
      }
      SyntheticArea.Result result = synthesiser.district(district, boundary, divisions::children);
      write(code, result);
      grids += result.grids().size();
    }
    jdbc.sql("UPDATE grid_index_version SET version = version + 1 WHERE id = 1").update();
    events.publishEvent(new GridsChanged("demo"));
    log.info(
        "Demo area: {} synthetic grids in {} in {} ms",
        grids,
        properties.districts(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private Geometry boundary(String code) {
    byte[] wkb =
        jdbc.sql("SELECT boundary_wkb FROM division WHERE code = ?")
            .param(code)
            .query((rs, row) -> rs.getBytes(1))
            .optional()
            .orElse(null);
    if (wkb == null) {
      return null;
    }
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("Unreadable boundary of " + code, e);
    }
  }

  private void write(String districtCode, SyntheticArea.Result result) {
    WKBWriter wkb = new WKBWriter();
    List<Object[]> boundaries =
        result.boundaries().stream()
            .map(b -> new Object[] {wkb.write(b.geometry()), b.code()})
            .toList();
    batch.batchUpdate(
        "UPDATE division SET boundary_wkb = ?, boundary_synthetic = true WHERE code = ?",
        boundaries);
    List<Object[]> rows =
        result.grids().stream()
            .map(
                g -> {
                  Envelope e = g.geometry().getEnvelopeInternal();
                  return new Object[] {
                    g.code(),
                    g.name(),
                    g.divisionCode(),
                    districtCode,
                    g.type(),
                    wkb.write(g.geometry()),
                    GeodesicArea.squareMetres(g.geometry()),
                    e.getMinX(),
                    e.getMinY(),
                    e.getMaxX(),
                    e.getMaxY()
                  };
                })
            .toList();
    batch.batchUpdate(
        "INSERT INTO grid (code, name, division_code, district_code, type, geometry_wkb, area_m2,"
            + " min_lon, min_lat, max_lon, max_lat, synthetic)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)",
        rows);
  }
}
