package cn.anwang.registry.object;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.GridLocator;
import cn.anwang.area.Grids;
import cn.anwang.area.Location;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: fills the demo districts with synthetic objects placed in their grids, after the
 * demo area and the locate index exist. Idempotent: skipped for a district that already holds
 * synthetic objects; an advisory lock keeps two servers from writing them twice.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 5)
@ConditionalOnBooleanProperty("anwang.demo")
@EnableConfigurationProperties(DemoObjectsProperties.class)
class DemoObjectsRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoObjectsRunner.class);
  private static final long LOCK = 0x5245_4749_5354_5259L; // "REGISTRY"

  private static final String INSERT =
      "INSERT INTO supervised_object (district_code, street_code, village_code, division_code,"
          + " grid_code, kind, uscc, name, address, lon, lat, industry_code, scale, employees,"
          + " hazards, contact_name, contact_phone, status, direct_supervision,"
          + " direct_supervision_reason, last_accident_on, risk_level, risk_rule, synthetic)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)"
          + " ON CONFLICT DO NOTHING";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;
  private final Divisions divisions;
  private final GridLocator locator;
  private final Grids grids;
  private final ResponsibleDepartments rules;
  private final DemoObjectsProperties properties;

  DemoObjectsRunner(
      JdbcClient jdbc,
      JdbcTemplate batch,
      TransactionTemplate transactions,
      Divisions divisions,
      GridLocator locator,
      Grids grids,
      ResponsibleDepartments rules,
      DemoObjectsProperties properties) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = transactions;
    this.divisions = divisions;
    this.locator = locator;
    this.grids = grids;
    this.rules = rules;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String district : properties.districts()) {
      transactions.executeWithoutResult(status -> fill(district));
    }
  }

  private void fill(String districtCode) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> 1).list();
    long existing =
        jdbc.sql("SELECT count(*) FROM supervised_object WHERE synthetic AND district_code = ?")
            .param(districtCode)
            .query(Long.class)
            .single();
    if (existing > 0 || properties.perDistrict() == 0) {
      log.info("Demo objects in {}: {} present, left as they are", districtCode, existing);
      return;
    }
    Division district = divisions.find(districtCode).orElse(null);
    Grids.Extent box = grids.extentOf(districtCode).orElse(null);
    if (district == null || box == null) {
      log.warn("Demo district {} has no grids; no demo objects there", districtCode);
      return;
    }
    long started = System.nanoTime();
    DemoObjects generator = new DemoObjects(properties.seed() + Long.parseLong(districtCode));
    Random places = new Random(properties.seed() ^ Long.parseLong(districtCode));
    LocalDate today = LocalDate.now(ObjectService.CHINA);
    List<Object[]> rows = new ArrayList<>();
    int attempts = 0;
    while (rows.size() < properties.perDistrict() && attempts++ < properties.perDistrict() * 20) {
      double lon = box.minLon() + places.nextDouble() * (box.maxLon() - box.minLon());
      double lat = box.minLat() + places.nextDouble() * (box.maxLat() - box.minLat());
      Location l = locator.locate(lon, lat).orElse(null);
      if (l == null || !l.district().code().equals(districtCode)) {
        continue;
      }
      DemoObjects.Draft d = generator.next(districtCode, district.name());
      LocalDate accident = d.recentAccident() ? today.minusDays(1 + places.nextInt(300)) : null;
      RiskRules.Assessment risk =
          RiskRules.assess(
              new RiskRules.Facts(
                  d.kind(), d.hazards(), d.scale(), d.employees(), accident, today));
      String village = l.village() == null ? null : l.village().code();
      rows.add(
          new Object[] {
            districtCode,
            l.street().code(),
            village,
            l.divisionCode(),
            l.grid().code(),
            d.kind().name(),
            d.uscc(),
            d.name(),
            d.address(),
            lon,
            lat,
            d.industryCode(),
            d.scale() == null ? null : d.scale().name(),
            d.employees(),
            d.hazards().stream().map(Enum::name).sorted().toArray(String[]::new),
            d.contactName(),
            d.contactPhone(),
            "OPERATING",
            d.directSupervisionReason() != null,
            d.directSupervisionReason() == null ? null : d.directSupervisionReason().name(),
            accident == null ? null : Date.valueOf(accident),
            risk.level().name(),
            risk.ruleId()
          });
    }
    batch.batchUpdate(
        INSERT,
        rows,
        500,
        (PreparedStatement ps, Object[] row) -> {
          for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof String[] array) {
              ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else if (row[i] == null) {
              ps.setNull(i + 1, Types.NULL);
            } else {
              ps.setObject(i + 1, row[i]);
            }
          }
        });
    int departments = assignDepartments(districtCode);
    log.info(
        "Demo objects in {}: {} written ({} department links) in {} ms",
        districtCode,
        rows.size(),
        departments,
        (System.nanoTime() - started) / 1_000_000);
  }

  private int assignDepartments(String districtCode) {
    List<Object[]> links = new ArrayList<>();
    jdbc.sql(
            "SELECT id, kind, industry_code, hazards FROM supervised_object"
                + " WHERE synthetic AND district_code = ?")
        .param(districtCode)
        .query(
            rs -> {
              var hazards = java.util.EnumSet.noneOf(HazardFeature.class);
              for (String h : (String[]) rs.getArray(4).getArray()) {
                hazards.add(HazardFeature.valueOf(h));
              }
              for (ResponsibleDepartments.Assignment a :
                  rules.responsibleFor(
                      districtCode,
                      ObjectKind.valueOf(rs.getString(2)),
                      rs.getString(3),
                      hazards)) {
                links.add(
                    new Object[] {rs.getLong(1), districtCode, a.departmentCode(), a.ruleId()});
              }
            });
    if (!links.isEmpty()) {
      batch.batchUpdate(
          "INSERT INTO object_department (object_id, district_code, department_code, source,"
              + " rule_id) VALUES (?, ?, ?, 'RULE', ?) ON CONFLICT DO NOTHING",
          links);
    }
    return links.size();
  }
}
