package cn.anwang.casework.reminder;

import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.casework.cases.CaseAction;
import cn.anwang.casework.cases.HandlerType;
import cn.anwang.casework.reminder.ReminderRule.Level;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.identity.UserDirectory.Contact;
import cn.anwang.notification.Emails;
import cn.anwang.notification.Notifications;
import cn.anwang.notification.Webhooks;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Scans open cases whose stage clock crossed a reminder threshold and sends each reminder exactly
 * once.
 *
 * <p>Candidates are the open cases whose stage is due before now plus the look-ahead (the partial
 * index {@code safety_case_open_stage_due_idx}); the thresholds are computed on the holiday
 * calendar ({@link ReminderRule}). Each due reminder of a stage instance is sent in a transaction
 * of its own that first claims it: a row of {@code case_reminder} whose unique key is (case, stage
 * started at, kind), inserted with {@code ON CONFLICT DO NOTHING}. Only the transaction that
 * inserted the row sends: the in-app notifications, the outbox rows of the e-mails and webhooks,
 * and for an escalation the {@code ESCALATE} line of the timeline. A second server scanning at the
 * same time waits on the uncommitted claim and then inserts nothing; a server that dies mid-way
 * rolls back the claim with everything it sent, and the next scan (on any server) does it.
 */
@Component
public class ReminderScanner {

  private static final Logger log = LoggerFactory.getLogger(ReminderScanner.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingCalendar.CHINA);

  /** An open case in a stage with a clock. */
  record Candidate(
      long id,
      String number,
      String title,
      String status,
      String type,
      String districtCode,
      String streetCode,
      String divisionCode,
      HandlerType handlerType,
      String handlerCode,
      String stage,
      Instant stageStartedAt,
      Instant stageDueAt) {}

  private final JdbcClient jdbc;
  private final HolidayCalendar calendar;
  private final ReminderRules rules;
  private final UserDirectory users;
  private final Departments departments;
  private final Notifications notifications;
  private final Emails emails;
  private final Webhooks webhooks;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final ReminderProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String serverName;

  ReminderScanner(
      JdbcClient jdbc,
      HolidayCalendar calendar,
      ReminderRules rules,
      UserDirectory users,
      Departments departments,
      Notifications notifications,
      Emails emails,
      Webhooks webhooks,
      AuditLog audit,
      ObjectMapper json,
      ReminderProperties properties,
      PlatformTransactionManager transactions,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.rules = rules;
    this.users = users;
    this.departments = departments;
    this.notifications = notifications;
    this.emails = emails;
    this.webhooks = webhooks;
    this.audit = audit;
    this.json = json;
    this.properties = properties;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock.orElse(Clock.systemUTC());
    this.serverName =
        properties.serverName() != null
            ? properties.serverName()
            : ManagementFactory.getRuntimeMXBean().getName()
                + "/"
                + UUID.randomUUID().toString().substring(0, 4);
  }

  /** Scans now; returns how many reminders this call claimed and sent. */
  public int scan() {
    return scan(clock.instant()).size();
  }

  /**
   * Scans as of {@code now}; returns the reminders this call claimed and sent, as {@code
   * caseId|stageStartedAtMillis|kind}.
   */
  List<String> scan(Instant now) {
    WorkingCalendar cal = calendar.current();
    List<Candidate> candidates = candidates(now);
    List<String> sent = new ArrayList<>();
    if (candidates.isEmpty()) {
      return sent;
    }
    Set<String> claimed = claimed(candidates);
    Map<String, ReminderRule> ruleCache = new HashMap<>();
    for (Candidate c : candidates) {
      ReminderRule rule = ruleCache.computeIfAbsent(c.type(), rules::forType);
      Level level = levelOf(c);
      for (ReminderKind kind : rule.due(c.stageStartedAt(), c.stageDueAt(), now, cal, level)) {
        String key = key(c.id(), c.stageStartedAt(), kind.name());
        if (claimed.contains(key)) {
          continue;
        }
        try {
          if (Boolean.TRUE.equals(tx.execute(s -> claimAndSend(c, kind, now, cal)))) {
            sent.add(key);
          }
        } catch (RuntimeException e) {
          log.warn("Reminder {} of case {} not sent now: {}", kind, c.number(), e.toString());
        }
      }
    }
    if (!sent.isEmpty()) {
      log.info("Reminder scan on {}: {} reminders sent", serverName, sent.size());
    }
    return sent;
  }

  /**
   * The reminders due at {@code now} and not yet claimed (so not yet sent), by kind: the scan's own
   * read and thresholds, without sending anything (the reminder backlog gauge).
   */
  Map<ReminderKind, Long> backlog(Instant now) {
    WorkingCalendar cal = calendar.current();
    List<Candidate> candidates = candidates(now);
    Map<ReminderKind, Long> due = new EnumMap<>(ReminderKind.class);
    if (candidates.isEmpty()) {
      return due;
    }
    Set<String> claimed = claimed(candidates);
    Map<String, ReminderRule> ruleCache = new HashMap<>();
    Map<String, Level> departmentLevels = new HashMap<>();
    for (Candidate c : candidates) {
      ReminderRule rule = ruleCache.computeIfAbsent(c.type(), rules::forType);
      Level level =
          c.handlerType() == HandlerType.DEPARTMENT
              ? departmentLevels.computeIfAbsent(c.handlerCode(), code -> levelOf(c))
              : levelOf(c);
      for (ReminderKind kind : rule.due(c.stageStartedAt(), c.stageDueAt(), now, cal, level)) {
        if (!claimed.contains(key(c.id(), c.stageStartedAt(), kind.name()))) {
          due.merge(kind, 1L, Long::sum);
        }
      }
    }
    return due;
  }

  private List<Candidate> candidates(Instant now) {
    return jdbc.sql(
            """
            SELECT id, number, title, status, type, district_code, street_code, division_code,
                   handler_type, handler_code, stage, stage_started_at, stage_due_at
              FROM safety_case c
             WHERE status NOT IN ('CLOSED', 'VOIDED')
               AND stage_due_at < :horizon AND stage_started_at IS NOT NULL
               -- escalated to the city: nothing more can come for this stage
               AND NOT EXISTS (SELECT 1 FROM case_reminder r
                                WHERE r.case_id = c.id AND r.stage_started_at = c.stage_started_at
                                  AND r.kind = 'ESCALATE_CITY')
             ORDER BY stage_due_at, id
            """)
        .param("horizon", Timestamp.from(now.plus(properties.lookahead())))
        .query(
            (rs, n) ->
                new Candidate(
                    rs.getLong("id"),
                    rs.getString("number"),
                    rs.getString("title"),
                    rs.getString("status"),
                    rs.getString("type"),
                    rs.getString("district_code"),
                    rs.getString("street_code"),
                    rs.getString("division_code"),
                    rs.getString("handler_type") == null
                        ? null
                        : HandlerType.valueOf(rs.getString("handler_type")),
                    rs.getString("handler_code"),
                    rs.getString("stage"),
                    rs.getTimestamp("stage_started_at").toInstant(),
                    rs.getTimestamp("stage_due_at").toInstant()))
        .list();
  }

  private Set<String> claimed(List<Candidate> candidates) {
    Long[] ids = candidates.stream().map(Candidate::id).distinct().toArray(Long[]::new);
    Set<String> keys = new HashSet<>();
    jdbc.sql("SELECT case_id, stage_started_at, kind FROM case_reminder WHERE case_id = ANY(?)")
        .param(ids)
        .query(
            rs -> {
              keys.add(key(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
            });
    return keys;
  }

  static String key(long caseId, Instant stageStartedAt, String kind) {
    return caseId + "|" + stageStartedAt.toEpochMilli() + "|" + kind;
  }

  /** The level responsible now: a department's level, else the street (the district without). */
  Level levelOf(Candidate c) {
    if (c.handlerType() == HandlerType.DEPARTMENT) {
      return departments
          .find(c.handlerCode())
          .map(Department::cityLevel)
          .map(city -> city ? Level.CITY : Level.DISTRICT)
          .orElse(Level.DISTRICT);
    }
    return c.streetCode() != null ? Level.STREET : Level.DISTRICT;
  }

  /** Claims the reminder and sends it, in the caller's transaction; false when claimed before. */
  private boolean claimAndSend(Candidate c, ReminderKind kind, Instant now, WorkingCalendar cal) {
    Timestamp started = Timestamp.from(c.stageStartedAt());
    boolean stillThere =
        jdbc.sql(
                    """
                SELECT count(*) FROM safety_case
                 WHERE id = ? AND stage_started_at = ? AND status NOT IN ('CLOSED', 'VOIDED')
                """)
                .params(c.id(), started)
                .query(Long.class)
                .single()
            == 1;
    if (!stillThere) {
      return false;
    }
    int inserted =
        jdbc.sql(
                """
                INSERT INTO case_reminder (case_id, district_code, stage_started_at, kind, stage,
                                           claimed_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT case_reminder_once DO NOTHING
                """)
            .params(c.id(), c.districtCode(), started, kind.name(), c.stage(), serverName)
            .update();
    if (inserted == 0) {
      return false;
    }
    int overdueDays = ReminderRule.overdueWorkingDays(c.stageDueAt(), now, cal);
    String dedupKey =
        "case-reminder:" + c.id() + ":" + c.stageStartedAt().toEpochMilli() + ":" + kind.name();
    List<String> args =
        List.of(
            c.number(),
            c.title(),
            DAY.format(c.stageDueAt().minusSeconds(1)),
            Integer.toString(overdueDays));
    String link = "/cases/" + c.id();
    Set<Contact> recipients = recipients(c, kind);
    for (Contact r : recipients) {
      notifications.notify(
          r.id(), kind.notificationKind(), kind.messageKey(), args, link, dedupKey);
      emails.enqueue(r.id(), kind.messageKey(), args, link, dedupKey);
    }
    if (kind.escalation()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("level", kind.level());
      data.put("overdueWorkingDays", overdueDays);
      data.put("stage", c.stage());
      data.put("recipients", recipients.size());
      jdbc.sql(
              """
              INSERT INTO case_event (case_id, district_code, at, actor_name, action,
                                      from_status, to_status, data)
              VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
              """)
          .params(
              c.id(),
              c.districtCode(),
              Timestamp.from(now),
              "system",
              CaseAction.ESCALATE.name(),
              c.status(),
              c.status(),
              json.writeValueAsString(data))
          .update();
      audit.record("case.escalate", "case", c.number(), c.divisionCode(), null, data);
    }
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", c.id());
    subject.put("number", c.number());
    subject.put("status", c.status());
    subject.put("type", c.type());
    subject.put("district", c.districtCode());
    subject.put("division", c.divisionCode());
    subject.put("stage", c.stage());
    subject.put("stageDueAt", c.stageDueAt().toString());
    subject.put("handlerType", c.handlerType() == null ? null : c.handlerType().name());
    subject.put("handlerCode", c.handlerCode());
    subject.put("reminder", kind.name());
    if (kind.escalation()) {
      subject.put("escalatedTo", kind.level());
    }
    subject.put("overdueWorkingDays", overdueDays);
    webhooks.publish(dedupKey, kind.webhookKind(), now, "case", subject);
    jdbc.sql(
            """
            UPDATE case_reminder SET recipients = ?
             WHERE case_id = ? AND stage_started_at = ? AND kind = ?
            """)
        .params(recipients.size(), c.id(), started, kind.name())
        .update();
    return true;
  }

  /**
   * Who gets a reminder. Early and overdue: the handler's people (the department's staff; the
   * street's administrators for a street, an enterprise or a case not dispatched yet), and in the
   * re-inspection stage also the grid officers whose territory covers the case's place. An
   * escalation: the administrators of the level it goes to.
   */
  Set<Contact> recipients(Candidate c, ReminderKind kind) {
    Set<Contact> to = new LinkedHashSet<>();
    switch (kind) {
      case ESCALATE_DISTRICT -> to.addAll(users.withRole(Role.DISTRICT_ADMIN, c.districtCode()));
      case ESCALATE_CITY -> to.addAll(users.withRole(Role.CITY_ADMIN, c.districtCode()));
      case EARLY, OVERDUE -> {
        if (c.handlerType() == HandlerType.DEPARTMENT) {
          to.addAll(users.inDepartment(c.handlerCode()));
        } else if (c.handlerType() == HandlerType.STREET) {
          to.addAll(users.withRole(Role.STREET_ADMIN, c.handlerCode()));
        } else if (c.streetCode() != null) {
          to.addAll(users.withRole(Role.STREET_ADMIN, c.streetCode()));
        } else {
          to.addAll(users.withRole(Role.DISTRICT_ADMIN, c.districtCode()));
        }
        if ("REINSPECT".equals(c.stage())) {
          to.addAll(users.withRole(Role.STREET_OFFICER, c.divisionCode()));
          to.addAll(users.withRole(Role.VILLAGE_OFFICER, c.divisionCode()));
        }
      }
    }
    return to;
  }

  /** The name recorded with this server's claims. */
  String serverName() {
    return serverName;
  }
}
