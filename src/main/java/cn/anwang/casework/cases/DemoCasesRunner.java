package cn.anwang.casework.cases;

import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.registry.ObjectAccounts;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: a year of case history in each demo district, made by the real state machine with
 * simulated times, so that every status, light and indicator has something to show: most cases
 * closed (a few late), some returned, reworked, extended or voided, the recent ones still open
 * (some overdue), illegal production with stop orders, and one major hazard under district
 * supervision with its plan. Idempotent (a district with synthetic cases is left alone; an advisory
 * lock keeps two servers apart). {@code anwang.demo-cases.seed-on-start=false} (the tests) leaves
 * it to a test that seeds inside a transaction it rolls back.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 20)
@ConditionalOnBooleanProperty("anwang.demo")
class DemoCasesRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCasesRunner.class);
  private static final long LOCK = 0x4341_5345_5344_454DL; // "CASESDEM"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final HolidayCalendar calendar;
  private final SupervisedObjects objects;
  private final DemoCasePlayer player;
  private final DemoCast cast;
  private final boolean seedOnStart;
  private final int perDistrict;
  private final ObjectAccounts accounts;

  DemoCasesRunner(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      HolidayCalendar calendar,
      SupervisedObjects objects,
      DemoCasePlayer player,
      DemoCast cast,
      @Value("${anwang.demo-cases.seed-on-start:true}") boolean seedOnStart,
      @Value("${anwang.demo-cases.per-district:365}") int perDistrict,
      ObjectAccounts accounts) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.calendar = calendar;
    this.objects = objects;
    this.player = player;
    this.cast = cast;
    this.seedOnStart = seedOnStart;
    this.perDistrict = perDistrict;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!seedOnStart) {
      return;
    }
    for (String district : List.of("120101", "120111")) {
      transactions.executeWithoutResult(status -> seed(district, Instant.now()));
      // also for a database seeded before the enterprise users existed
      transactions.executeWithoutResult(status -> linkEnterprise(district));
    }
  }

  /** Seeds one district's year up to {@code now}; the number of cases made (0 when skipped). */
  int seed(String districtCode, Instant now) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
    long existing =
        jdbc.sql("SELECT count(*) FROM safety_case WHERE synthetic AND district_code = ?")
            .param(districtCode)
            .query(Long.class)
            .single();
    DemoCast.People people = cast.people(districtCode);
    List<Long> sample = objects.sampleIds(districtCode, Math.max(1, perDistrict));
    if (existing > 0 || people == null || sample.isEmpty()) {
      return 0;
    }
    long started = System.nanoTime();
    WorkingCalendar cal = calendar.current();
    Random random = new Random(Long.parseLong(districtCode) * 31 + 7);
    int made = 0;
    for (int i = 0; i < perDistrict; i++) {
      ObjectRef object = objects.find(sample.get(i % sample.size())).orElse(null);
      if (object == null) {
        continue;
      }
      Instant reported =
          DemoCaseTexts.workingMoment(now.minus(Duration.ofDays(1 + random.nextInt(365))), random);
      player.simulate(
          object, DemoCaseTexts.pickType(random), reported, now, people, cal, random, false);
      made++;
    }
    // one major hazard under district supervision, with its plan, still in rectification
    ObjectRef major = objects.find(sample.get(0)).orElseThrow();
    player.simulate(
        major,
        CaseType.MAJOR_HAZARD,
        DemoCaseTexts.workingMoment(now.minus(Duration.ofDays(40)), random),
        now,
        people,
        cal,
        random,
        true);
    linkEnterprise(districtCode);
    log.info(
        "Demo cases in {}: {} made in {} ms",
        districtCode,
        made + 1,
        (System.nanoTime() - started) / 1_000_000);
    return made + 1;
  }

  /**
   * Links the district's demo enterprise user ({@code heping.qiye}, {@code xiqing.qiye}) to the
   * object of an open case in rectification, the demo street's first; nothing when it is linked
   * already. Answers the object linked, or null.
   */
  Long linkEnterprise(String districtCode) {
    String prefix =
        "120101".equals(districtCode) ? "heping" : "120111".equals(districtCode) ? "xiqing" : null;
    DemoCast.Person enterprise = prefix == null ? null : cast.person(prefix + ".qiye");
    if (enterprise == null
        || !"ENTERPRISE_USER".equals(enterprise.role())
        || !accounts.objectsOf(enterprise.id()).isEmpty()) {
      return null;
    }
    Long object =
        jdbc.sql(
                """
                SELECT object_id FROM safety_case
                 WHERE synthetic AND district_code = ? AND status = 'RECTIFYING'
                   AND object_id IS NOT NULL AND type <> 'MAJOR_HAZARD'
                 ORDER BY (street_code = ?) DESC, reported_at DESC, id LIMIT 1
                """)
            .params(districtCode, enterprise.territory())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (object == null) {
      return null;
    }
    accounts.linkForDemo(object, enterprise.id());
    log.info("Demo enterprise user {}.qiye linked to object {}", prefix, object);
    return object;
  }
}
