package cn.anwang.casework.cases;

import cn.anwang.area.Divisions;
import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.org.Departments;
import cn.anwang.registry.ObjectAccounts;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

  /** Demo users by district: officer, street admin, district admin, department staff. */
  private record People(Person officer, Person street, Person district, Person department) {}

  /** An actor of the timeline; territory and department only for the demo users. */
  private record Person(Long id, String name, String role, String territory, String department) {

    Person(Long id, String name, String role) {
      this(id, name, role, null, null);
    }
  }

  private record Line(Instant at, Person who, SafetyCase.Change change) {}

  private static final String[][] GENERAL = {
    {"灭火器压力不足", "巡查发现店内两具干粉灭火器压力指针位于红区，未按期检验。"},
    {"安全出口被货物堵塞", "后门安全出口堆放纸箱，疏散通道宽度不足一米。"},
    {"电气线路私拉乱接", "仓库内插线板串接使用，电线敷设在可燃物上。"},
    {"液化石油气瓶存放不规范", "厨房内存放两只液化石油气钢瓶，未设置可燃气体报警装置。"},
    {"应急照明损坏", "楼梯间应急照明灯不亮，疏散指示标志缺失。"},
    {"有限空间未设警示标识", "污水井口未设置有限空间警示标识，作业未审批。"},
    {"粉尘清扫不及时", "打磨车间地面及设备表面积尘较厚，除尘设施未运行。"},
    {"电动自行车室内充电", "楼道内有电动自行车停放充电，存在火灾风险。"}
  };
  private static final String[][] ILLEGAL = {
    {"无证经营加油点", "发现居民区内有人使用油桶私自销售汽油。"},
    {"违规储存危险化学品", "仓库内存放未经许可的危险化学品约二十桶。"}
  };
  private static final String[][] ACCIDENT = {
    {"轻微烫伤事故", "员工操作炸锅时被热油烫伤，已送医处理。"},
    {"叉车碰撞事故", "仓库叉车倒车时碰撞货架，无人员伤亡。"}
  };

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final CaseRepository cases;
  private final HolidayCalendar calendar;
  private final DeadlineRules rules;
  private final SupervisedObjects objects;
  private final CaseService service;
  private final Divisions divisions;
  private final Departments departments;
  private final boolean seedOnStart;
  private final int perDistrict;
  private final ObjectAccounts accounts;

  DemoCasesRunner(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      CaseRepository cases,
      HolidayCalendar calendar,
      DeadlineRules rules,
      SupervisedObjects objects,
      CaseService service,
      Divisions divisions,
      Departments departments,
      @Value("${anwang.demo-cases.seed-on-start:true}") boolean seedOnStart,
      @Value("${anwang.demo-cases.per-district:365}") int perDistrict,
      ObjectAccounts accounts) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cases = cases;
    this.calendar = calendar;
    this.rules = rules;
    this.objects = objects;
    this.service = service;
    this.divisions = divisions;
    this.departments = departments;
    this.seedOnStart = seedOnStart;
    this.perDistrict = perDistrict;
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
    People people = people(districtCode);
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
      Instant reported = workingMoment(now.minus(Duration.ofDays(1 + random.nextInt(365))), random);
      simulate(object, pickType(random), reported, now, people, cal, random, false);
      made++;
    }
    // one major hazard under district supervision, with its plan, still in rectification
    ObjectRef major = objects.find(sample.get(0)).orElseThrow();
    simulate(
        major,
        CaseType.MAJOR_HAZARD,
        workingMoment(now.minus(Duration.ofDays(40)), random),
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

  /** The demo user when the case is theirs, else a named office of the case's street. */
  private People localPeople(People demo, SafetyCase c, String department) {
    String street = divisions.find(c.streetCode).map(d -> d.name()).orElse(c.streetCode);
    boolean home = c.streetCode.equals(demo.street().territory());
    Person officer = home ? demo.officer() : new Person(null, street + "网格员", "STREET_OFFICER");
    Person admin = home ? demo.street() : new Person(null, street + "安全生产办公室", "STREET_ADMIN");
    Person staff =
        department == null || department.equals(demo.department().department())
            ? demo.department()
            : new Person(
                null,
                departments.find(department).map(d -> d.name()).orElse(department),
                "DEPARTMENT_STAFF");
    return new People(officer, admin, demo.district(), staff);
  }

  private void simulate(
      ObjectRef o,
      CaseType type,
      Instant reportedAt,
      Instant now,
      People people,
      WorkingCalendar cal,
      Random r,
      boolean supervisedMajor) {
    CaseSource source = pickSource(r, o);
    SafetyCase c = SafetyCase.reported(type, source, reportedAt, cal, rules);
    c.objectId = o.id();
    c.districtCode = o.districtCode();
    c.streetCode = o.streetCode();
    c.villageCode = o.villageCode();
    c.divisionCode = o.divisionCode();
    c.gridCode = o.gridCode();
    c.address = o.address();
    c.lon = o.lon();
    c.lat = o.lat();
    String[] text = text(type, r);
    c.title = text[0];
    c.description = o.name() + "：" + text[1];
    String suggestedDepartment =
        o.departmentCodes().stream()
            .filter(d -> d.startsWith(o.districtCode()))
            .findFirst()
            .orElse(null);
    people = localPeople(people, c, suggestedDepartment);
    c.reporterUserId = people.officer().id();
    c.reporterName = people.officer().name();
    c.synthetic = true;
    c.number = cases.nextNumber(c.districtCode, reportedAt.atZone(WorkingCalendar.CHINA).getYear());
    c.id = cases.insert(c);
    List<Line> lines = new ArrayList<>();
    lines.add(
        new Line(
            reportedAt,
            people.officer(),
            new SafetyCase.Change(
                CaseAction.REPORT,
                null,
                CaseStatus.REPORTED,
                null,
                Map.of("type", type.name(), "source", source.name()))));
    Clock t = new Clock(reportedAt, now, r);
    play(c, t, lines, people, cal, r, supervisedMajor);
    cases.update(c);
    for (Line line : lines) {
      cases.insertEvent(
          c, line.at(), line.who().id(), line.who().name(), line.who().role(), line.change());
    }
  }

  /** Walks the case forward in simulated time until it closes or "now" is reached. */
  private void play(
      SafetyCase c,
      Clock t,
      List<Line> lines,
      People p,
      WorkingCalendar cal,
      Random r,
      boolean supervisedMajor) {
    if (c.type == CaseType.ILLEGAL_OPERATION && t.after(1, 3)) {
      lines.add(new Line(t.at, p.officer(), c.stopOrder("当场责令停止违法行为", t.at)));
    }
    if (!t.after(1, 20)) {
      return;
    }
    if (!supervisedMajor && r.nextInt(100) < 5) {
      lines.add(new Line(t.at, p.street(), c.voidCase("重复上报，已合并到同一案件", t.at)));
      return;
    }
    lines.add(new Line(t.at, p.street(), c.register(t.at, cal, rules)));
    if (!t.after(1, 24)) {
      return;
    }
    Map<String, String> suggested = service.suggestedHandler(c);
    boolean toDepartment = "DEPARTMENT".equals(suggested.get("handlerType"));
    if (toDepartment && !supervisedMajor && r.nextInt(100) < 8) {
      lines.add(
          new Line(
              t.at,
              p.street(),
              c.dispatch(
                  HandlerType.DEPARTMENT, suggested.get("handlerCode"), null, t.at, cal, rules)));
      if (!t.after(2, 40)) {
        return;
      }
      lines.add(new Line(t.at, p.department(), c.returnCase("不属于本部门监管职责", t.at, cal, rules)));
      if (!t.after(1, 24)) {
        return;
      }
      toDepartment = false;
    }
    Person handler = toDepartment ? p.department() : p.street();
    if (supervisedMajor) {
      lines.add(
          new Line(
              t.at,
              p.street(),
              c.dispatch(HandlerType.STREET, c.streetCode, "重大事故隐患，属地牵头治理", t.at, cal, rules)));
      handler = p.street();
    } else if (toDepartment) {
      lines.add(
          new Line(
              t.at,
              p.street(),
              c.dispatch(
                  HandlerType.DEPARTMENT, suggested.get("handlerCode"), null, t.at, cal, rules)));
    } else {
      lines.add(
          new Line(
              t.at,
              p.street(),
              c.dispatch(HandlerType.STREET, c.streetCode, null, t.at, cal, rules)));
    }
    if (!supervisedMajor && r.nextInt(100) < 2) {
      return; // never taken on: overdue once the rectification deadline passes
    }
    if (!t.after(1, 24)) {
      return;
    }
    lines.add(new Line(t.at, handler, c.accept()));
    if (!supervisedMajor && r.nextInt(100) < 4) {
      return; // stalled in rectification: overdue once its deadline passes
    }
    if (supervisedMajor) {
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("goals", "彻底消除粉尘爆炸隐患");
      plan.put("measures", "更换防爆型除尘设备，清理积尘，完善清扫制度");
      plan.put("funds", "约40万元，企业自筹");
      plan.put("people", "企业主要负责人牵头，安全员具体落实");
      plan.put("deadline", LocalDate.now(WorkingCalendar.CHINA).plusDays(30).toString());
      plan.put("safetyMeasures", "整改期间相关工段停产，设置警戒区");
      plan.put("emergencyPlan", "粉尘爆炸专项应急预案，配备灭火器材");
      lines.add(new Line(t.at, handler, c.plan(plan)));
      t.after(2, 30);
      lines.add(new Line(t.at, p.district(), c.supervise("DISTRICT", 30, "重大事故隐患挂牌督办", t.at, cal)));
      return;
    }
    if (r.nextInt(100) < 6 && t.after(24, 72)) {
      lines.add(new Line(t.at, handler, c.requestExtension(3 + r.nextInt(5), "整改所需设备采购周期较长")));
      if (!t.after(2, 24)) {
        return;
      }
      lines.add(new Line(t.at, p.street(), c.decideExtension(true, "同意延期", cal)));
    }
    // rectification: usually inside the allowed time, sometimes late
    int allowed = rules.workingDays(c.type, Stage.RECTIFY);
    int days =
        r.nextInt(100) < 85 ? 1 + r.nextInt(Math.max(1, allowed)) : allowed + 2 + r.nextInt(10);
    if (!t.after(24 * days, 24 * days + 8)) {
      return;
    }
    lines.add(new Line(t.at, handler, c.feedback("已按要求完成整改，整改照片已上传", t.at, cal, rules)));
    if (!t.after(4, 60)) {
      return;
    }
    if (r.nextInt(100) < 12) {
      lines.add(
          new Line(
              t.at, p.officer(), c.reinspect(false, "复查发现整改不到位", position(c), t.at, cal, rules)));
      if (!t.after(24, 120)) {
        return;
      }
      lines.add(new Line(t.at, handler, c.feedback("已重新整改", t.at, cal, rules)));
      if (!t.after(4, 48)) {
        return;
      }
    }
    lines.add(
        new Line(t.at, p.officer(), c.reinspect(true, "现场复查合格", position(c), t.at, cal, rules)));
    if (!t.after(1, 24)) {
      return;
    }
    lines.add(new Line(t.at, p.street(), c.close("整改完成，结案", t.at, cal)));
  }

  private static Map<String, Object> position(SafetyCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c.lon != null) {
      m.put("lon", c.lon);
      m.put("lat", c.lat);
    }
    return m;
  }

  /** Simulated time: moves forward by a random number of hours, never past "now". */
  private static final class Clock {
    Instant at;
    final Instant now;
    final Random random;

    Clock(Instant start, Instant now, Random random) {
      this.at = start;
      this.now = now;
      this.random = random;
    }

    /** Moves on by {@code min}–{@code max} hours; false (and no move) when that passes now. */
    boolean after(int minHours, int maxHours) {
      Instant next =
          at.plus(
              Duration.ofMinutes(60L * minHours + random.nextInt(60 * (maxHours - minHours + 1))));
      if (next.isAfter(now)) {
        return false;
      }
      at = next;
      return true;
    }
  }

  private static Instant workingMoment(Instant day, Random r) {
    LocalDate date = day.atZone(WorkingCalendar.CHINA).toLocalDate();
    return date.atTime(LocalTime.of(8, 30).plusMinutes(r.nextInt(9 * 60)))
        .atZone(WorkingCalendar.CHINA)
        .toInstant();
  }

  private static CaseType pickType(Random r) {
    int n = r.nextInt(100);
    if (n < 78) {
      return CaseType.GENERAL_HAZARD;
    }
    if (n < 88) {
      return CaseType.ILLEGAL_OPERATION;
    }
    if (n < 92) {
      return CaseType.ACCIDENT;
    }
    return CaseType.OTHER;
  }

  private static CaseSource pickSource(Random r, ObjectRef o) {
    int n = r.nextInt(100);
    if (n < 60) {
      return CaseSource.OFFICER_INSPECTION;
    }
    if (n < 75) {
      return o.villageCode() != null ? CaseSource.VILLAGE_REPORT : CaseSource.OFFICER_INSPECTION;
    }
    if (n < 90) {
      return CaseSource.PUBLIC_REPORT;
    }
    return n < 97 ? CaseSource.DEPARTMENT : CaseSource.THIRD_PARTY;
  }

  private static String[] text(CaseType type, Random r) {
    String[][] pool =
        switch (type) {
          case ILLEGAL_OPERATION -> ILLEGAL;
          case ACCIDENT -> ACCIDENT;
          case MAJOR_HAZARD -> new String[][] {{"粉尘涉爆重大事故隐患", "除尘系统未采用防爆设计，粉尘浓度超标，属于重大事故隐患。"}};
          default -> GENERAL;
        };
    return pool[r.nextInt(pool.length)];
  }

  private People people(String districtCode) {
    String prefix =
        "120101".equals(districtCode) ? "heping" : "120111".equals(districtCode) ? "xiqing" : null;
    if (prefix == null) {
      return null;
    }
    String staff = "120101".equals(districtCode) ? "heping.yingji" : "xiqing.shijian";
    Person officer = person(prefix + ".officer");
    Person street = person(prefix + ".street");
    Person district = person(prefix + ".admin");
    Person department = person(staff);
    if (officer == null || street == null || district == null || department == null) {
      return null;
    }
    return new People(officer, street, district, department);
  }

  /**
   * Links the district's demo enterprise user ({@code heping.qiye}, {@code xiqing.qiye}) to the
   * object of an open case in rectification, the demo street's first; nothing when it is linked
   * already. Answers the object linked, or null.
   */
  Long linkEnterprise(String districtCode) {
    String prefix =
        "120101".equals(districtCode) ? "heping" : "120111".equals(districtCode) ? "xiqing" : null;
    Person enterprise = prefix == null ? null : person(prefix + ".qiye");
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

  private Person person(String username) {
    return jdbc.sql(
            "SELECT id, display_name, role, territory_code, department_code FROM app_user"
                + " WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new Person(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .optional()
        .orElse(null);
  }
}
