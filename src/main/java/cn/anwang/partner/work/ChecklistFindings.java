package cn.anwang.partner.work;

import cn.anwang.casework.CaseIntake;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.inspection.ChecklistCatalog;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.registry.SupervisedObjects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * A partner's checklist-based findings: the inspection checklist that applies to an object in scope
 * (through inspection's {@link ChecklistCatalog}), and a submission of its answers, in which every
 * NO becomes one finding and one case of source THIRD_PARTY through casework's {@link CaseIntake}.
 * Every YES/NO/NA item must be answered; a submission is kept once per user and client id, and a
 * retry returns what the first one made.
 */
@Service
public class ChecklistFindings {

  /** One answer: YES, NO or NA for a YES/NO/NA item, a number or text for the others. */
  public record Answer(String itemId, String answer, String note) {}

  public record Submission(
      Long engagementId, Long objectId, Long checklistId, String clientId, List<Answer> answers) {}

  /** A finding of the submission: the item that failed and the case it became. */
  public record Made(String itemId, long findingId, long caseId, String caseNumber) {}

  /**
   * @param created false for a retry with a client id already used
   */
  public record Submitted(long submissionId, boolean created, List<Made> findings) {}

  private final CurrentActor actors;
  private final PartnerWork work;
  private final ChecklistCatalog catalog;
  private final CaseIntake intake;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ChecklistFindings(
      CurrentActor actors,
      PartnerWork work,
      ChecklistCatalog catalog,
      CaseIntake intake,
      JdbcClient jdbc,
      ObjectMapper json) {
    this.actors = actors;
    this.work = work;
    this.catalog = catalog;
    this.intake = intake;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The checklist for an object of one of the partner's active engagements (404 otherwise). */
  @Transactional(readOnly = true)
  public ChecklistCatalog.Sheet checklist(long engagementId, long objectId) {
    long org = work.organisationOf(actors.require());
    work.requireActive(engagementId, org);
    work.objectInScope(engagementId, objectId);
    return catalog
        .forObject(objectId)
        .orElseThrow(() -> PartnerRejected.notFound("partner.rule.checklistNotFound", objectId));
  }

  @Transactional
  public Submitted submit(Submission s) {
    Actor actor = actors.require();
    long org = work.organisationOf(actor);
    if (s == null || s.engagementId() == null || s.objectId() == null) {
      throw PartnerRejected.unprocessable("objectId", "partner.rule.engagementAndObject");
    }
    String clientId = s.clientId() == null ? "" : s.clientId().strip();
    if (clientId.isEmpty() || clientId.length() > 64) {
      throw PartnerRejected.unprocessable("clientId", "partner.rule.clientId");
    }
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('partner-submission:' || ? || ':' || ?))")
        .params(actor.userId(), clientId)
        .query((rs, n) -> 1)
        .list();
    Long previous =
        jdbc.sql("SELECT id FROM partner_submission WHERE user_id = ? AND client_id = ?")
            .params(actor.userId(), clientId)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (previous != null) {
      return new Submitted(previous, false, made(previous));
    }
    work.requireActive(s.engagementId(), org);
    SupervisedObjects.ObjectRef object = work.objectInScope(s.engagementId(), s.objectId());
    ChecklistCatalog.Sheet sheet = sheet(s.checklistId(), object.id());
    List<ChecklistCatalog.Item> failed = check(sheet, s.answers());

    long submissionId =
        jdbc.sql(
                """
                INSERT INTO partner_submission (user_id, client_id, engagement_id,
                  organisation_id, object_id, checklist_id, answers)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
                """)
            .params(
                actor.userId(),
                clientId,
                s.engagementId(),
                org,
                object.id(),
                sheet.id(),
                json.writeValueAsString(s.answers()))
            .query(Long.class)
            .single();
    for (ChecklistCatalog.Item item : failed) {
      Answer answer =
          s.answers().stream().filter(a -> item.key().equals(a.itemId())).findFirst().orElseThrow();
      String title = PartnerWork.title(item.text());
      CaseIntake.Created c =
          intake.report(
              item.caseType(),
              "THIRD_PARTY",
              object.id(),
              null,
              null,
              title,
              description(sheet, item, answer),
              "pc:" + submissionId + ":" + item.key());
      jdbc.sql(
              """
              INSERT INTO partner_finding (engagement_id, organisation_id, object_id, user_id,
                case_id, case_number, case_type, title, submission_id, item_key)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING
              """)
          .params(
              s.engagementId(),
              org,
              object.id(),
              actor.userId(),
              c.id(),
              c.number(),
              item.caseType(),
              title,
              submissionId,
              item.key())
          .update();
    }
    return new Submitted(submissionId, true, made(submissionId));
  }

  /** The checklist answered: the one that applies to the object (or another version of it). */
  private ChecklistCatalog.Sheet sheet(Long checklistId, long objectId) {
    if (checklistId == null) {
      throw PartnerRejected.unprocessable("checklistId", "partner.rule.required");
    }
    ChecklistCatalog.Sheet applies = catalog.forObject(objectId).orElse(null);
    return catalog
        .byId(checklistId)
        .filter(c -> applies != null && c.code().equals(applies.code()))
        .orElseThrow(
            () ->
                PartnerRejected.unprocessable(
                    "checklistId", "partner.rule.wrongChecklist", checklistId));
  }

  /** Checks the answers; the items answered NO. */
  static List<ChecklistCatalog.Item> check(ChecklistCatalog.Sheet sheet, List<Answer> answers) {
    if (answers == null || answers.isEmpty()) {
      throw PartnerRejected.unprocessable("answers", "partner.rule.required");
    }
    Set<String> seen = new HashSet<>();
    List<ChecklistCatalog.Item> failed = new ArrayList<>();
    for (Answer a : answers) {
      ChecklistCatalog.Item item = a == null ? null : sheet.item(a.itemId());
      if (item == null) {
        throw PartnerRejected.unprocessable(
            "answers", "partner.rule.unknownItem", a == null ? null : a.itemId());
      }
      if (!seen.add(item.key())) {
        throw PartnerRejected.unprocessable("answers", "partner.rule.answeredTwice", item.key());
      }
      String v = a.answer() == null ? "" : a.answer().strip();
      switch (item.answerType()) {
        case "YES_NO_NA" -> {
          if (!Set.of("YES", "NO", "NA").contains(v)) {
            throw PartnerRejected.unprocessable("answers", "partner.rule.yesNoNa", item.key());
          }
          if ("NO".equals(v)) {
            failed.add(item);
          }
        }
        case "NUMBER" -> {
          if (!v.isEmpty() && !v.matches("-?\\d+(\\.\\d+)?")) {
            throw PartnerRejected.unprocessable("answers", "partner.rule.number", item.key());
          }
        }
        case "PHOTO" ->
            throw PartnerRejected.unprocessable("answers", "partner.rule.photo", item.key());
        default -> {
          if (v.length() > 2000) {
            throw PartnerRejected.unprocessable(
                "answers", "partner.rule.answerTooLong", item.key());
          }
        }
      }
      if (a.note() != null && a.note().length() > 2000) {
        throw PartnerRejected.unprocessable("answers", "partner.rule.noteTooLong", item.key());
      }
    }
    for (ChecklistCatalog.Item item : sheet.items()) {
      if ("YES_NO_NA".equals(item.answerType()) && !seen.contains(item.key())) {
        throw PartnerRejected.unprocessable("answers", "partner.rule.notAnswered", item.key());
      }
    }
    return failed;
  }

  private static String description(
      ChecklistCatalog.Sheet sheet, ChecklistCatalog.Item item, Answer answer) {
    StringBuilder text = new StringBuilder("第三方检查不符合项：").append(item.text());
    if (answer.note() != null && !answer.note().isBlank()) {
      text.append("\n现场情况：").append(answer.note().strip());
    }
    if (!item.legalBasis().isBlank()) {
      text.append("\n依据：").append(item.legalBasis());
    }
    text.append("\n严重程度：").append("MAJOR".equals(item.severity()) ? "重大" : "一般");
    text.append("\n检查表：").append(sheet.name()).append(" v").append(sheet.version());
    return text.toString();
  }

  private List<Made> made(long submissionId) {
    return jdbc.sql(
            "SELECT item_key, id, case_id, case_number FROM partner_finding"
                + " WHERE submission_id = ? ORDER BY id")
        .param(submissionId)
        .query((rs, n) -> new Made(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
        .list();
  }
}
