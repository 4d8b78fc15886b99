package cn.anwang.casework.cases;

import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import cn.anwang.casework.DemoCaseHistory;
import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: plays a case through the real state machine at simulated times, from its report
 * until it closes or "now" is reached, with the demo district's people as actors, and writes it
 * with its timeline. {@link DemoCasesRunner} plays a year of object cases with it; other modules'
 * demos play cases at a point through {@link DemoCaseHistory} (a major hazard there is planned and
 * put under district supervision, as the one major hazard of the year is).
 */
@Component
@ConditionalOnBooleanProperty("anwang.demo")
class DemoCasePlayer implements DemoCaseHistory {

  record Line(Instant at, DemoCast.Person who, SafetyCase.Change change) {}

  private final JdbcClient jdbc;
  private final CaseRepository cases;
  private final HolidayCalendar calendar;
  private final DeadlineRules rules;
  private final CaseService service;
  private final DemoCast cast;
  private final GridLocator locator;

  DemoCasePlayer(
      JdbcClient jdbc,
      CaseRepository cases,
      HolidayCalendar calendar,
      DeadlineRules rules,
      CaseService service,
      DemoCast cast,
      GridLocator locator) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.calendar = calendar;
    this.rules = rules;
    this.service = service;
    this.cast = cast;
    this.locator = locator;
  }

  @Override
  @Transactional
  public Played playAt(
      String type,
      String source,
      double lon,
      double lat,
      String address,
      String title,
      String description,
      Instant reportedAt,
      Instant now,
      long seed) {
    Location place =
        locator
            .locate(lon, lat)
            .orElseThrow(() -> new IllegalArgumentException("no grid covers " + lon + "," + lat));
    DemoCast.People demo = cast.people(place.district().code());
    if (demo == null) {
      throw new IllegalArgumentException("not a demo district: " + place.district().code());
    }
    WorkingCalendar cal = calendar.current();
    Random r = new Random(seed);
    CaseType caseType = CaseType.valueOf(type);
    SafetyCase c =
        SafetyCase.reported(caseType, CaseSource.valueOf(source), reportedAt, cal, rules);
    c.districtCode = place.district().code();
    c.streetCode = place.street().code();
    c.villageCode = place.village() == null ? null : place.village().code();
    c.divisionCode = place.divisionCode();
    c.gridCode = place.grid().code();
    c.address = address;
    c.lon = lon;
    c.lat = lat;
    c.title = title;
    c.description = description;
    DemoCast.People people = cast.localPeople(demo, c, null);
    c.reporterName = "群众举报";
    c.synthetic = true;
    c.number = cases.nextNumber(c.districtCode, reportedAt.atZone(WorkingCalendar.CHINA).getYear());
    c.id = cases.insert(c);
    List<Line> lines = new ArrayList<>();
    lines.add(
        new Line(
            reportedAt,
            people.street(),
            new SafetyCase.Change(
                CaseAction.REPORT,
                null,
                CaseStatus.REPORTED,
                null,
                Map.of("type", caseType.name(), "source", source))));
    play(
        c, new Clock(reportedAt, now, r), lines, people, cal, r, caseType == CaseType.MAJOR_HAZARD);
    cases.update(c);
    List<Step> steps = new ArrayList<>();
    for (Line line : lines) {
      cases.insertEvent(
          c, line.at(), line.who().id(), line.who().name(), line.who().role(), line.change());
      steps.add(new Step(line.at(), line.change().to().name()));
    }
    return new Played(c.id, c.number, c.status.name(), steps);
  }

  SafetyCase simulate(
      ObjectRef o,
      CaseType type,
      Instant reportedAt,
      Instant now,
      DemoCast.People people,
      WorkingCalendar cal,
      Random r,
      boolean supervisedMajor) {
    return simulate(
        o, type, DemoCaseTexts.pickSource(r, o), reportedAt, now, people, cal, r, supervisedMajor);
  }

  SafetyCase simulate(
      ObjectRef o,
      CaseType type,
      CaseSource source,
      Instant reportedAt,
      Instant now,
      DemoCast.People people,
      WorkingCalendar cal,
      Random r,
      boolean supervisedMajor) {
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
    String[] text = DemoCaseTexts.text(type, r);
    c.title = text[0];
    c.description = o.name() + "：" + text[1];
    String suggestedDepartment =
        o.departmentCodes().stream()
            .filter(d -> d.startsWith(o.districtCode()))
            .findFirst()
            .orElse(null);
    people = cast.localPeople(people, c, suggestedDepartment);
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
    return c;
  }

  /** Walks the case forward in simulated time until it closes or "now" is reached. */
  private void play(
      SafetyCase c,
      Clock t,
      List<Line> lines,
      DemoCast.People p,
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
    DemoCast.Person handler = toDepartment ? p.department() : p.street();
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
}
