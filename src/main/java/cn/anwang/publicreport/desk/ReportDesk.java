package cn.anwang.publicreport.desk;

import cn.anwang.casework.CaseIntake;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.web.ApiProblems;
import cn.anwang.shared.web.FieldText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The street's triage of public reports: verify (the report becomes a case through casework's
 * {@link CaseIntake}, source PUBLIC_REPORT), reject with a reason the reporter sees, or merge a
 * duplicate into another open report. Each only from the state it applies to, each audited.
 */
@Service
class ReportDesk {

  static final Set<String> TYPES =
      Set.of("GENERAL_HAZARD", "MAJOR_HAZARD", "ILLEGAL_OPERATION", "ACCIDENT", "OTHER");
  static final Set<String> OPEN = Set.of("RECEIVED", "VERIFIED", "IN_HANDLING");

  private final DeskAccess access;
  private final DeskQueries queries;
  private final CaseIntake intake;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  ReportDesk(
      DeskAccess access, DeskQueries queries, CaseIntake intake, JdbcClient jdbc, AuditLog audit) {
    this.access = access;
    this.queries = queries;
    this.intake = intake;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  record Verify(String type, String title, String publicNote) {}

  @Transactional
  DeskQueries.Detail verify(long id, Verify cmd) {
    Actor actor = access.require();
    DeskQueries.Locked r = queries.lock(id, actor);
    if ("VERIFIED".equals(r.status()) || "IN_HANDLING".equals(r.status())) {
      return queries.detail(id, actor); // a repeated verification: the case already exists
    }
    requireStatus(r, "RECEIVED");
    String type = cmd == null || cmd.type() == null ? defaultType(r.category()) : cmd.type();
    if (!TYPES.contains(type)) {
      throw ApiProblems.unprocessable("type", "unknown case type " + type);
    }
    String note = cmd == null ? null : FieldText.optional(cmd.publicNote(), 2000, "publicNote");
    String title = cmd == null ? null : FieldText.optional(cmd.title(), 200, "title");
    if (title == null) {
      String d = r.description().strip();
      title = "群众举报：" + (d.length() > 40 ? d.substring(0, 40) + "…" : d);
    }
    CaseIntake.Created c =
        intake.reportAt(
            type,
            "PUBLIC_REPORT",
            r.lon(),
            r.lat(),
            r.address(),
            title,
            r.description(),
            "public-report:" + id);
    Instant now = Instant.now();
    jdbc.sql(
            """
            UPDATE public_report SET status = 'VERIFIED', verified_at = ?, case_id = ?,
                   case_number = ?, case_type = ?, public_note = coalesce(?, public_note),
                   updated_at = ?, version = version + 1
             WHERE id = ?
            """)
        .params(Timestamp.from(now), c.id(), c.number(), type, note, Timestamp.from(now), id)
        .update();
    event(id, r.districtCode(), "VERIFIED", "VERIFIED", note, actor);
    audit.record(
        "public-report.verify",
        "public_report",
        Long.toString(id),
        r.divisionCode(),
        Map.of("status", r.status()),
        Map.of("status", "VERIFIED", "case", c.number(), "type", type));
    return queries.detail(id, actor);
  }

  @Transactional
  DeskQueries.Detail reject(long id, String reason) {
    Actor actor = access.require();
    String why = FieldText.optional(reason, 2000, "reason");
    if (why == null) {
      throw ApiProblems.unprocessable("reason", "a rejection needs a reason the reporter can read");
    }
    DeskQueries.Locked r = queries.lock(id, actor);
    requireStatus(r, "RECEIVED");
    Instant now = Instant.now();
    jdbc.sql(
            """
            UPDATE public_report SET status = 'REJECTED', reject_reason = ?, closed_at = ?,
                   updated_at = ?, version = version + 1 WHERE id = ?
            """)
        .params(why, Timestamp.from(now), Timestamp.from(now), id)
        .update();
    event(id, r.districtCode(), "REJECTED", "REJECTED", why, actor);
    audit.record(
        "public-report.reject",
        "public_report",
        Long.toString(id),
        r.divisionCode(),
        Map.of("status", r.status()),
        Map.of("status", "REJECTED", "reason", why));
    return queries.detail(id, actor);
  }

  /** Merges report {@code id} (a duplicate) into {@code into}; both keep their tracking codes. */
  @Transactional
  DeskQueries.Detail merge(long id, long into, Integer version) {
    Actor actor = access.require();
    if (id == into) {
      throw ApiProblems.unprocessable("into", "a report cannot be merged into itself");
    }
    // lock in id order so two opposite merges cannot deadlock
    DeskQueries.Locked first = queries.lock(Math.min(id, into), actor);
    DeskQueries.Locked second = queries.lock(Math.max(id, into), actor);
    DeskQueries.Locked dup = first.id() == id ? first : second;
    DeskQueries.Locked primary = first.id() == id ? second : first;
    if (version != null && version != dup.version()) {
      throw ApiProblems.conflict(
          "The report was changed meanwhile (version " + dup.version() + ")");
    }
    requireStatus(dup, "RECEIVED");
    if (!OPEN.contains(primary.status())) {
      throw ApiProblems.unprocessable(
          "into", "the report merged into must be open, not " + primary.status());
    }
    Instant now = Instant.now();
    jdbc.sql(
            "UPDATE public_report SET status = 'MERGED', merged_into = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(into, Timestamp.from(now), id)
        .update();
    event(id, dup.districtCode(), "MERGED", "MERGED", null, actor);
    audit.record(
        "public-report.merge",
        "public_report",
        Long.toString(id),
        dup.divisionCode(),
        Map.of("status", dup.status()),
        Map.of("status", "MERGED", "into", into));
    return queries.detail(id, actor);
  }

  private void event(long id, String district, String kind, String status, String note, Actor a) {
    jdbc.sql(
            "INSERT INTO public_report_event (report_id, district_code, kind, status, note, actor)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(id, district, kind, status, note, a.username())
        .update();
  }

  private static void requireStatus(DeskQueries.Locked r, String expected) {
    if (!expected.equals(r.status())) {
      throw ApiProblems.conflict("Report " + r.id() + " is " + r.status() + ", not " + expected);
    }
  }

  static String defaultType(String category) {
    return switch (category) {
      case "HAZARD" -> "GENERAL_HAZARD";
      case "ILLEGAL_OPERATION" -> "ILLEGAL_OPERATION";
      case "ACCIDENT" -> "ACCIDENT";
      default -> "OTHER";
    };
  }
}
