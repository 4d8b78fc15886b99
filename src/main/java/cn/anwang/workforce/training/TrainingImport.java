package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.ColumnType;
import cn.anwang.shared.tabular.ImportReport;
import cn.anwang.shared.tabular.Row;
import cn.anwang.shared.tabular.RowProblem;
import cn.anwang.shared.tabular.TableSpec;
import cn.anwang.shared.tabular.TabularReader;
import cn.anwang.shared.tabular.TabularSource;
import cn.anwang.workforce.officer.Officer;
import cn.anwang.workforce.officer.OfficerRepository;
import cn.anwang.workforce.officer.WorkforcePolicy;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of training records (.xlsx or CSV), one attendance per row: the officer (网格员编号, checked
 * against 姓名), the course code, the session's date, place and trainer, attendance and score.
 * Sessions are found or created by (course, the officer's district, date, place); certificates are
 * issued and revoked as when attendance is recorded by hand. All or nothing: any row with a problem
 * and nothing is written; a dry run only reports.
 */
@Service
class TrainingImport {

  static final TableSpec SPEC =
      TableSpec.of(
              ColumnSpec.required("officerId", "网格员编号", "官员ID", "officer id", "officerId")
                  .describedAs("系统中的网格员编号（数字）", "1024"),
              ColumnSpec.required("name", "姓名", "网格员姓名", "name").describedAs("与编号核对", "张三"),
              ColumnSpec.required("course", "课程代码", "course code", "course")
                  .describedAs("培训课程代码", "GRID-PRE-POST"),
              ColumnSpec.required("heldOn", "培训日期", "日期", "date")
                  .ofType(ColumnType.DATE)
                  .describedAs("yyyy-mm-dd", "2026-03-15"),
              ColumnSpec.required("place", "地点", "培训地点", "place").describedAs("", "区应急管理局三楼会议室"),
              ColumnSpec.required("trainer", "授课人", "讲师", "trainer").describedAs("", "李老师"),
              ColumnSpec.required("attended", "是否出勤", "出勤", "attended")
                  .allowing(List.of("是", "否"))
                  .describedAs("是/否", "是"),
              ColumnSpec.optional("score", "考试成绩", "成绩", "score")
                  .ofType(ColumnType.NUMBER)
                  .describedAs("0–100", "85"))
          .withLimits(20L * 1024 * 1024, 50_000);

  /** The import's answer; reasons in the caller's language. */
  record Result(
      boolean dryRun,
      boolean written,
      long rowsRead,
      long validRows,
      int rejectedRows,
      int sessionsCreated,
      int attendanceRecorded,
      int certificatesIssued,
      int certificatesRevoked,
      List<Problem> problems,
      List<String> warnings) {}

  record Problem(int row, String column, String reason) {}

  private record Line(
      int row,
      Officer officer,
      Course course,
      LocalDate heldOn,
      String place,
      String trainer,
      boolean attended,
      BigDecimal score) {}

  private final CourseService courses;
  private final OfficerRepository officers;
  private final SessionService sessions;
  private final Certification certification;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final MessageSource messages;
  private final TransactionTemplate transactions;

  TrainingImport(
      CourseService courses,
      OfficerRepository officers,
      SessionService sessions,
      Certification certification,
      CurrentActor currentActor,
      AuditLog audit,
      MessageSource messages,
      PlatformTransactionManager transactionManager) {
    this.courses = courses;
    this.officers = officers;
    this.sessions = sessions;
    this.certification = certification;
    this.currentActor = currentActor;
    this.audit = audit;
    this.messages = messages;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  Result run(InputStream in, String fileName, Charset charset, boolean dryRun, Locale locale) {
    Actor actor = currentActor.require();
    if (!actor.role().isAdministrator()) {
      throw new AccessDeniedException("Only administrators import training records");
    }
    var report = new ImportReport();
    var lines = new ArrayList<Line>();
    Map<String, String> headers = new HashMap<>();
    try (TabularSource source = TabularReader.open(in, fileName, charset, SPEC)) {
      source.warningMessages().forEach(w -> report.warn(messages.getMessage(w, locale)));
      for (ColumnSpec c : SPEC.columns()) {
        headers.put(c.key(), c.header());
      }
      var seen = new HashSet<String>();
      Map<Long, Optional<Officer>> officerCache = new HashMap<>();
      Map<String, Optional<Course>> courseCache = new HashMap<>();
      source.forEach(
          row -> {
            report.countRow();
            check(row, actor, locale, report, seen, officerCache, courseCache, headers)
                .ifPresent(lines::add);
          });
    }
    int[] counts = new int[4];
    boolean write = !dryRun && !report.hasProblems();
    if (write) {
      transactions.executeWithoutResult(status -> write(lines, actor, counts, fileName));
    }
    List<Problem> problems =
        report.problems().stream()
            .map(p -> new Problem(p.rowNumber(), p.columnHeader(), p.reason()))
            .toList();
    return new Result(
        dryRun,
        write,
        report.rowsRead(),
        report.validRows(),
        report.rowsWithProblems(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        problems,
        report.warnings());
  }

  private Optional<Line> check(
      Row row,
      Actor actor,
      Locale locale,
      ImportReport report,
      Set<String> seen,
      Map<Long, Optional<Officer>> officerCache,
      Map<String, Optional<Course>> courseCache,
      Map<String, String> headers) {
    int n = row.rowNumber();
    int before = (int) report.totalProblems();
    Officer officer = null;
    String idText = row.get("officerId");
    if (idText == null) {
      problem(report, n, "officerId", headers, locale, "required");
    } else {
      Long id = parseLong(idText);
      officer =
          id == null
              ? null
              : officerCache
                  .computeIfAbsent(
                      id,
                      k ->
                          officers
                              .find(k)
                              .filter(o -> WorkforcePolicy.manages(actor, o.divisionCode())))
                  .orElse(null);
      if (officer == null) {
        problem(report, n, "officerId", headers, locale, "officerUnknown", idText);
      } else if (row.get("name") == null || !officer.name().equals(row.get("name"))) {
        problem(
            report, n, "name", headers, locale, "nameMismatch", row.get("name"), officer.name());
      }
    }
    Course course = null;
    String code = row.get("course");
    if (code == null) {
      problem(report, n, "course", headers, locale, "required");
    } else {
      course =
          courseCache
              .computeIfAbsent(
                  code,
                  k ->
                      courses
                          .findByCode(k)
                          .filter(c -> TrainingScope.seesCourse(actor, c.districtCode())))
              .orElse(null);
      if (course == null) {
        problem(report, n, "course", headers, locale, "courseUnknown", code);
      } else if (!course.active()) {
        problem(report, n, "course", headers, locale, "courseInactive", code);
      } else if (officer != null
          && course.districtCode() != null
          && !course.districtCode().equals(officer.districtCode())) {
        problem(report, n, "course", headers, locale, "courseOtherDistrict", code);
      }
    }
    LocalDate heldOn = parseDate(row.get("heldOn"));
    if (heldOn == null) {
      problem(
          report, n, "heldOn", headers, locale, row.get("heldOn") == null ? "required" : "date");
    }
    String place = row.get("place");
    if (place == null || place.length() > 200) {
      problem(report, n, "place", headers, locale, "required");
    }
    String trainer = row.get("trainer");
    if (trainer == null || trainer.length() > 100) {
      problem(report, n, "trainer", headers, locale, "required");
    }
    Boolean attended = parseYesNo(row.get("attended"));
    if (attended == null) {
      problem(report, n, "attended", headers, locale, "yesNo");
    }
    BigDecimal score = null;
    if (row.get("score") != null) {
      try {
        score = new BigDecimal(row.get("score"));
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
          problem(report, n, "score", headers, locale, "score");
        }
      } catch (NumberFormatException e) {
        problem(report, n, "score", headers, locale, "score");
      }
    }
    if (report.totalProblems() > before) {
      return Optional.empty();
    }
    String key = officer.id() + "|" + course.id() + "|" + heldOn + "|" + place;
    if (!seen.add(key)) {
      report.add(RowProblem.ofRow(n, text(locale, "duplicate")));
      return Optional.empty();
    }
    return Optional.of(new Line(n, officer, course, heldOn, place, trainer, attended, score));
  }

  private void write(List<Line> lines, Actor actor, int[] counts, String fileName) {
    Map<String, Certification.SessionRef> sessionsByKey = new HashMap<>();
    for (Line l : lines) {
      String district = l.officer().districtCode();
      String key = l.course().id() + "|" + district + "|" + l.heldOn() + "|" + l.place();
      Certification.SessionRef ref =
          sessionsByKey.computeIfAbsent(
              key,
              k -> {
                Long existing = sessions.findId(l.course().id(), district, l.heldOn(), l.place());
                long id;
                if (existing != null) {
                  id = existing;
                  sessions.lock(id);
                } else {
                  id =
                      sessions.insert(
                          l.course().id(),
                          district,
                          l.heldOn(),
                          l.place(),
                          l.trainer(),
                          actor.username());
                  counts[0]++;
                }
                return new Certification.SessionRef(id, district, l.heldOn());
              });
      Certification.Outcome outcome =
          certification.record(
              ref, l.course(), l.officer().id(), l.attended(), l.score(), actor.username());
      counts[1]++;
      if (outcome == Certification.Outcome.ISSUED) {
        counts[2]++;
      } else if (outcome == Certification.Outcome.REVOKED) {
        counts[3]++;
      }
    }
    audit.record(
        "training.import",
        "training_import",
        fileName,
        Map.of(
            "rows", lines.size(),
            "sessionsCreated", counts[0],
            "certificatesIssued", counts[2],
            "certificatesRevoked", counts[3]),
        null);
  }

  private void problem(
      ImportReport report,
      int row,
      String key,
      Map<String, String> headers,
      Locale locale,
      String reason,
      Object... args) {
    report.add(new RowProblem(row, key, headers.get(key), text(locale, reason, args)));
  }

  private String text(Locale locale, String reason, Object... args) {
    return messages.getMessage("training.import." + reason, args, locale);
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("yyyy/M/d"),
          DateTimeFormatter.ofPattern("yyyy-M-d"),
          DateTimeFormatter.ofPattern("yyyy.M.d"));

  static LocalDate parseDate(String s) {
    if (s == null) {
      return null;
    }
    String text = s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  static Boolean parseYesNo(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "是", "出勤", "y", "yes", "true", "1" -> true;
      case "否", "缺勤", "n", "no", "false", "0" -> false;
      default -> null;
    };
  }
}
