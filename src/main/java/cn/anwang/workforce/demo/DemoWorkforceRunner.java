package cn.anwang.workforce.demo;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.shared.StartupOrder;
import cn.anwang.workforce.officer.AssignmentRefused;
import cn.anwang.workforce.officer.Assignments;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Demo mode only: grid officers for the districts that have demo grids, arranged so that every
 * warning the workforce pages give shows up somewhere:
 *
 * <ul>
 *   <li>most streets staffed inside their norm; the second street of each district below it, the
 *       third above it;
 *   <li>one untrained candidate per street (no pre-post certificate: assigning them is refused);
 *   <li>a few certificates expiring within 30 days (the expiry reminders) and one expired;
 *   <li>grids dealt unevenly, so that the first officer of each street is over loaded;
 *   <li>two grids left without an officer in the second street (the gaps);
 *   <li>village officers for two villages in three, so some heavy villages have none.
 * </ul>
 *
 * Officers get no ID number (they are not real people). The demo street officer users ({@code
 * heping.officer}, {@code xiqing.officer}) are linked to an officer of their street. Idempotent: a
 * district that already has synthetic officers is left as it is; an advisory lock keeps two servers
 * from seeding twice. {@code anwang.demo-workforce.seed-on-start=false} (the tests) keeps the
 * district free of officers at start-up; a test seeds inside a transaction it rolls back.
 * Assignments go through {@link Assignments}, so every rule applies and each one is audited.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 10)
@ConditionalOnBooleanProperty("anwang.demo")
class DemoWorkforceRunner implements ApplicationRunner {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Logger log = LoggerFactory.getLogger(DemoWorkforceRunner.class);
  private static final long LOCK = 0x574F_524B_464F_5243L; // "WORKFORC"
  private static final String BY = "demo";

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
    "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂英", "建华", "志强", "海燕", "文博", "子涵", "浩然", "雨欣", "俊杰", "春梅", "立新", "国庆", "玉兰", "红霞",
    "晓东", "建国", "淑珍", "宏伟", "丽娟"
  };

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Divisions divisions;
  private final Grids grids;
  private final Assignments assignments;
  private final boolean seedOnStart;

  DemoWorkforceRunner(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Divisions divisions,
      Grids grids,
      Assignments assignments,
      @Value("${anwang.demo-workforce.seed-on-start:true}") boolean seedOnStart) {
    this.seedOnStart = seedOnStart;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.divisions = divisions;
    this.grids = grids;
    this.assignments = assignments;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!seedOnStart) {
      return;
    }
    List<String> districts =
        jdbc.sql("SELECT DISTINCT district_code FROM grid WHERE synthetic ORDER BY 1")
            .query(String.class)
            .list();
    for (String district : districts) {
      transactions.executeWithoutResult(status -> seed(district, LocalDate.now(CHINA)));
    }
  }

  /** Seeds one district as of {@code today}; returns the officers created (0 when skipped). */
  int seed(String districtCode, LocalDate today) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> 1).list();
    long existing =
        jdbc.sql("SELECT count(*) FROM officer WHERE synthetic AND district_code = ?")
            .param(districtCode)
            .query(Long.class)
            .single();
    if (existing > 0) {
      log.info("Demo officers in {}: {} present, left as they are", districtCode, existing);
      return 0;
    }
    long started = System.nanoTime();
    Norm norm = normOf(districtCode);
    long course = courseId("GRID-PRE-POST");
    Random random = new Random(2026L ^ Long.parseLong(districtCode));
    Map<String, List<GridRef>> byStreet = new LinkedHashMap<>();
    for (GridRef g : grids.in(districtCode)) {
      byStreet.computeIfAbsent(g.divisionCode().substring(0, 9), k -> new ArrayList<>()).add(g);
    }
    int created = 0;
    int streetIndex = 0;
    for (Map.Entry<String, List<GridRef>> street : byStreet.entrySet()) {
      Division division = divisions.find(street.getKey()).orElse(null);
      if (division == null || division.level() != DivisionLevel.STREET) {
        continue;
      }
      created +=
          seedStreet(division, street.getValue(), streetIndex++, norm, course, random, today);
    }
    linkDemoUsers(districtCode);
    log.info(
        "Demo officers in {}: {} created in {} ms",
        districtCode,
        created,
        (System.nanoTime() - started) / 1_000_000);
    return created;
  }

  private int seedStreet(
      Division street,
      List<GridRef> streetGrids,
      int index,
      Norm norm,
      long course,
      Random random,
      LocalDate today) {
    // how many street officers: inside the norm, except the second street (below) and the third
    // (above)
    int count =
        switch (index) {
          case 1 -> Math.max(1, norm.min() - 2);
          case 2 -> norm.max() + 2;
          default -> norm.min() + 1 + random.nextInt(Math.max(1, norm.max() - norm.min() - 1));
        };
    List<Long> streetOfficers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id =
          insertOfficer(street, "STREET", random, i % 4 == 3 ? "PART_TIME" : "PURCHASED", i == 0);
      // certificates: most valid for over a year; the second expires within 30 days; in the
      // third street one expired a month ago (that officer cannot take new grids)
      LocalDate issued;
      if (i == 1) {
        issued = today.minusMonths(24).plusDays(12 + random.nextInt(15));
      } else if (index == 2 && i == 2) {
        issued = today.minusMonths(25);
      } else {
        issued = today.minusDays(60 + random.nextInt(300));
      }
      certify(id, course, street.districtCode(), issued);
      streetOfficers.add(id);
    }
    // one untrained candidate per street: assigning them is refused until they pass the course
    insertOfficer(street, "STREET", random, "PART_TIME", false);

    // village officers for two villages in three; they take their village's grids
    Map<String, List<GridRef>> byVillage = new LinkedHashMap<>();
    List<GridRef> streetLevel = new ArrayList<>();
    for (GridRef g : streetGrids) {
      if (g.divisionCode().length() == 12) {
        byVillage.computeIfAbsent(g.divisionCode(), k -> new ArrayList<>()).add(g);
      } else {
        streetLevel.add(g);
      }
    }
    int created = count + 1;
    int v = 0;
    for (Map.Entry<String, List<GridRef>> village : byVillage.entrySet()) {
      if (v++ % 3 == 2) {
        streetLevel.addAll(village.getValue());
        continue;
      }
      Division division = divisions.find(village.getKey()).orElseThrow();
      long id = insertOfficer(division, "VILLAGE", random, "PART_TIME", false);
      certify(id, course, street.districtCode(), today.minusDays(30 + random.nextInt(400)));
      created++;
      for (GridRef g : village.getValue()) {
        assign(id, g, today, random);
      }
    }
    // the rest go to the street officers: each takes at least one (sharing when there are more
    // officers than grids), then the first takes over half of what is left and also shares every
    // other village grid, so they are clearly over loaded; the second street leaves its last two
    // grids without anyone
    int leaveOut = index == 1 ? Math.min(2, Math.max(0, streetLevel.size() - 1)) : 0;
    List<GridRef> toDeal = streetLevel.subList(0, streetLevel.size() - leaveOut);
    if (toDeal.isEmpty()) {
      toDeal = streetGrids;
    }
    List<Long> takers = new ArrayList<>(streetOfficers);
    if (index == 2 && takers.size() > 2) {
      takers.remove(2); // the expired certificate: no grid
    }
    for (int t = 0; t < takers.size(); t++) {
      assign(takers.get(t), toDeal.get(t % toDeal.size()), today, random);
    }
    for (int g = takers.size(); g < toDeal.size(); g++) {
      boolean first = takers.size() == 1 || g % 5 < 3;
      long officer = first ? takers.get(0) : takers.get(1 + g % (takers.size() - 1));
      assign(officer, toDeal.get(g), today, random);
    }
    if (index != 1) {
      int shared = 0;
      for (List<GridRef> village : byVillage.values()) {
        for (GridRef g : village) {
          if (shared++ % 2 == 0 && !toDeal.contains(g)) {
            assign(takers.get(0), g, today, random);
          }
        }
      }
    }
    return created;
  }

  private void assign(long officerId, GridRef grid, LocalDate today, Random random) {
    try {
      assignments.assign(
          officerId, grid.code(), today.minusDays(random.nextInt(30)), "演示数据", null, BY);
    } catch (AssignmentRefused e) {
      log.warn(
          "Demo assignment of {} to officer {} refused: {}",
          grid.code(),
          officerId,
          e.getMessage());
    }
  }

  private long insertOfficer(
      Division division, String tier, Random random, String employment, boolean enforcement) {
    String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    String phone =
        "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    return jdbc.sql(
            """
            INSERT INTO officer (district_code, division_code, name, phone, tier, employment,
                                 enforcement_power, status, synthetic)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'CANDIDATE', true) RETURNING id
            """)
        .params(
            division.districtCode(), division.code(), name, phone, tier, employment, enforcement)
        .query(Long.class)
        .single();
  }

  private void certify(long officerId, long courseId, String districtCode, LocalDate issued) {
    jdbc.sql(
            """
            INSERT INTO training_certificate (officer_id, course_id, district_code, number,
                                              issued_on, expires_on)
            SELECT ?, c.id, ?, ?, ?, ? FROM training_course c WHERE c.id = ?
            """)
        .params(
            officerId,
            districtCode,
            "DEMO-" + districtCode + "-" + officerId,
            issued,
            issued.plusMonths(24),
            courseId)
        .update();
  }

  /** Links each demo street officer user to the first officer of their street. */
  private void linkDemoUsers(String districtCode) {
    jdbc.sql(
            """
            UPDATE officer o SET user_id = u.id
              FROM app_user u
             WHERE u.username IN ('heping.officer', 'xiqing.officer')
               AND u.district_code = ? AND o.district_code = ?
               AND o.id = (SELECT min(x.id) FROM officer x
                            WHERE x.division_code = u.territory_code AND x.tier = 'STREET'
                              AND x.synthetic AND x.status = 'ACTIVE')
               AND NOT EXISTS (SELECT 1 FROM officer y WHERE y.user_id = u.id)
            """)
        .params(districtCode, districtCode)
        .update();
  }

  private long courseId(String code) {
    return jdbc.sql("SELECT id FROM training_course WHERE code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private Norm normOf(String districtCode) {
    return jdbc.sql(
            """
            SELECT n.min_per_street, n.max_per_street FROM staffing_norm n
             WHERE n.category = coalesce((SELECT category FROM staffing_district_category
                                           WHERE district_code = ?), 'OUTER')
            """)
        .param(districtCode)
        .query((rs, n) -> new Norm(rs.getInt(1), rs.getInt(2)))
        .single();
  }

  private record Norm(int min, int max) {}
}
