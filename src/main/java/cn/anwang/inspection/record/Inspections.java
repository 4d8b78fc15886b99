package cn.anwang.inspection.record;

import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import cn.anwang.casework.CaseIntake;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.inspection.OfficerDutyListener;
import cn.anwang.inspection.checklist.Checklist;
import cn.anwang.inspection.checklist.ChecklistItem;
import cn.anwang.inspection.checklist.Checklists;
import cn.anwang.inspection.plan.Haversine;
import cn.anwang.inspection.plan.PatrolPeriods;
import cn.anwang.inspection.plan.PatrolSettings;
import cn.anwang.inspection.web.InspectionRejected;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.web.ApiProblems;
import cn.anwang.workforce.OfficerDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Inspection records. Submitting is idempotent per (user, client id): requests with the same key
 * wait for each other on an advisory lock, so the second finds the first's record (and the unique
 * key backs it up). The position is checked, never refused: within the district's allowed distance
 * of the object, or inside the object's grid, else flagged. A completed inspection marks the
 * object's open tasks up to that day done; failed items are kept, each able to become one case.
 */
@Service
@Transactional
public class Inspections {

  public static final Set<String> KINDS = Set.of("INSPECTION", "DOCUMENT_DELIVERY", "PUBLICITY");
  private static final Set<Role> RECORDERS =
      Set.of(
          Role.STREET_OFFICER,
          Role.VILLAGE_OFFICER,
          Role.STREET_ADMIN,
          Role.DISTRICT_ADMIN,
          Role.CITY_ADMIN);
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  /** One answer from the phone. */
  public record Answer(String key, String answer, String note, List<String> photoIds) {}

  /** What the phone sends. */
  public record Submission(
      String clientId,
      String kind,
      Long objectId,
      Long taskId,
      Long checklistId,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      Double lon,
      Double lat,
      Double accuracyMeters,
      List<Answer> answers,
      String signature,
      String signerName,
      String findings,
      List<String> photoIds,
      String reference) {}

  /** A failed item and its case, once made. */
  public record FailedItem(
      String key, String text, String severity, String caseType, Long caseId, String caseNumber) {}

  /** What submitting answers (the same for a replay). */
  public record Result(
      long id,
      String clientId,
      boolean outsideAllowedArea,
      Double distanceMeters,
      List<FailedItem> failedItems) {}

  /** The result and whether this call recorded it. */
  record Recorded(Result result, boolean created) {}

  /** A record in lists. */
  public record Summary(
      long id,
      String clientId,
      String kind,
      long objectId,
      String objectName,
      Long taskId,
      Long checklistId,
      long userId,
      String recordedBy,
      Instant startedAt,
      Instant endedAt,
      boolean outsideAllowedArea,
      Double distanceMeters,
      int failedItems) {}

  /** A full record. */
  public record Detail(
      long id,
      String clientId,
      String kind,
      long objectId,
      String objectName,
      Long taskId,
      Long checklistId,
      Integer checklistVersion,
      long userId,
      String recordedBy,
      Long officerId,
      String gridCode,
      Instant startedAt,
      Instant endedAt,
      Double lon,
      Double lat,
      Double accuracyMeters,
      Double distanceMeters,
      boolean insideGrid,
      boolean outsideAllowedArea,
      List<Answer> answers,
      List<String> photoIds,
      boolean signed,
      String signerName,
      String findings,
      List<FailedItem> failedItems,
      Instant createdAt) {}

  /** A page of summaries. */
  public record Page(List<Summary> items, long total) {}

  /** The case a failed item became, and whether this call made it. */
  record ItemCase(long caseId, String number, boolean created) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final SupervisedObjects objects;
  private final GridLocator locator;
  private final OfficerDirectory officers;
  private final Checklists checklists;
  private final PatrolSettings settings;
  private final Photos photos;
  private final CaseIntake caseIntake;
  private final List<OfficerDutyListener> dutyListeners;

  Inspections(
      JdbcClient jdbc,
      ObjectMapper json,
      CurrentActor currentActor,
      AuditLog audit,
      SupervisedObjects objects,
      GridLocator locator,
      OfficerDirectory officers,
      Checklists checklists,
      PatrolSettings settings,
      Photos photos,
      CaseIntake caseIntake,
      List<OfficerDutyListener> dutyListeners) {
    this.jdbc = jdbc;
    this.json = json;
    this.currentActor = currentActor;
    this.audit = audit;
    this.objects = objects;
    this.locator = locator;
    this.officers = officers;
    this.checklists = checklists;
    this.settings = settings;
    this.photos = photos;
    this.caseIntake = caseIntake;
    this.dutyListeners = dutyListeners;
  }

  // ------------------------------------------------------------------ submit

  Recorded submit(String idempotencyKey, Submission s) {
    Actor actor = currentActor.require();
    if (!RECORDERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Only officers and administrators record inspections");
    }
    String keyText = idempotencyKey != null ? idempotencyKey : s.clientId();
    UUID key = Photos.uuid("Idempotency-Key", keyText);
    if (s.clientId() != null && !Photos.uuid("clientId", s.clientId()).equals(key)) {
      throw new InspectionRejected("clientId", "inspection.rule.clientIdMismatch", null);
    }
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .params((int) (actor.userId() ^ (actor.userId() >>> 32)), "inspection:" + key)
        .query((rs, n) -> 1)
        .list();
    Optional<Long> existing =
        jdbc.sql("SELECT id FROM inspection WHERE user_id = ? AND client_id = ?")
            .params(actor.userId(), key)
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      return new Recorded(result(existing.get()), false);
    }

    String kind = s.kind() == null ? "INSPECTION" : s.kind();
    if (!KINDS.contains(kind)) {
      throw new InspectionRejected("kind", "inspection.rule.unknownValue", kind);
    }
    if (s.objectId() == null) {
      throw new InspectionRejected("objectId", "inspection.rule.required", null);
    }
    ObjectRef object =
        objects
            .find(s.objectId())
            .filter(o -> actor.covers(o.divisionCode()))
            .orElseThrow(
                () ->
                    new InspectionRejected(
                        "objectId", "inspection.rule.objectUnknown", s.objectId().toString()));
    if (s.startedAt() == null || s.endedAt() == null) {
      throw new InspectionRejected("startedAt", "inspection.rule.required", null);
    }
    if (s.endedAt().isBefore(s.startedAt())) {
      throw new InspectionRejected("endedAt", "inspection.rule.endBeforeStart", null);
    }
    if ((s.lon() == null) != (s.lat() == null)) {
      throw new InspectionRejected("lon", "inspection.rule.pointIncomplete", null);
    }
    if (s.findings() != null && s.findings().length() > 10_000) {
      throw new InspectionRejected("findings", "inspection.rule.tooLong", "10000");
    }
    if (s.signerName() != null && s.signerName().strip().length() > 100) {
      throw new InspectionRejected("signerName", "inspection.rule.tooLong", "100");
    }
    if (s.reference() != null && s.reference().strip().length() > 100) {
      throw new InspectionRejected("reference", "inspection.rule.tooLong", "100");
    }

    Checklist checklist = null;
    if (s.checklistId() != null) {
      checklist =
          checklists
              .find(s.checklistId())
              .orElseThrow(
                  () ->
                      new InspectionRejected(
                          "checklistId",
                          "inspection.rule.checklistUnknown",
                          s.checklistId().toString()));
    } else if ("INSPECTION".equals(kind)) {
      throw new InspectionRejected("checklistId", "inspection.rule.required", null);
    }
    List<Answer> answers = s.answers() == null ? List.of() : s.answers();
    List<ChecklistItem> failed = new ArrayList<>();
    Set<UUID> photoIds = new LinkedHashSet<>();
    if (s.photoIds() != null) {
      s.photoIds().forEach(p -> photoIds.add(Photos.uuid("photoIds", p)));
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Answer a : answers) {
      ChecklistItem item = checklist == null ? null : checklist.item(a.key());
      if (item == null) {
        throw new InspectionRejected("answers", "inspection.rule.itemUnknown", a.key());
      }
      if (!seen.add(a.key())) {
        throw new InspectionRejected("answers", "inspection.rule.itemTwice", a.key());
      }
      validateAnswer(item, a);
      if (a.photoIds() != null) {
        a.photoIds().forEach(p -> photoIds.add(Photos.uuid("answers.photoIds", p)));
      }
      if ("YES_NO_NA".equals(item.answerType()) && "NO".equals(a.answer())) {
        failed.add(item);
      }
    }
    List<UUID> unknownPhotos = photos.unknown(actor.userId(), photoIds);
    if (!unknownPhotos.isEmpty()) {
      throw new InspectionRejected(
          "photoIds", "inspection.rule.photoUnknown", unknownPhotos.get(0).toString());
    }
    byte[] signature = signature(s.signature());
    if (s.taskId() != null) {
      boolean ok =
          jdbc.sql("SELECT count(*) FROM patrol_task WHERE id = ? AND object_id = ?")
                  .params(s.taskId(), object.id())
                  .query(Integer.class)
                  .single()
              > 0;
      if (!ok) {
        throw new InspectionRejected(
            "taskId", "inspection.rule.taskUnknown", s.taskId().toString());
      }
    }

    // the position: near the object or inside its grid, else flagged (never refused)
    Double distance = null;
    boolean insideGrid = false;
    if (s.lon() != null) {
      if (object.lon() != null) {
        distance =
            Math.round(Haversine.metres(s.lon(), s.lat(), object.lon(), object.lat()) * 10) / 10.0;
      }
      insideGrid =
          object.gridCode() != null
              && locator
                  .locate(s.lon(), s.lat())
                  .map(Location::grid)
                  .map(g -> g.code().equals(object.gridCode()))
                  .orElse(false);
    }
    int allowed = settings.effective(object.districtCode()).allowedDistanceMeters();
    boolean outside = !(insideGrid || (distance != null && distance <= allowed));

    Long officerId = officers.byUser(actor.userId()).map(o -> o.id()).orElse(null);
    long id =
        jdbc.sql(
                """
                INSERT INTO inspection (client_id, user_id, officer_id, kind, object_id, task_id,
                    checklist_id, district_code, division_code, grid_code, started_at, ended_at,
                    lon, lat, accuracy_m, distance_m, inside_grid, outside_allowed_area, answers,
                    photo_ids, signature_png, signer_name, findings, duty_reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?,
                        ?)
                RETURNING id
                """)
            .params(
                key,
                actor.userId(),
                officerId,
                kind,
                object.id(),
                s.taskId(),
                checklist == null ? null : checklist.id(),
                object.districtCode(),
                object.divisionCode(),
                object.gridCode(),
                Timestamp.from(s.startedAt().toInstant()),
                Timestamp.from(s.endedAt().toInstant()),
                s.lon(),
                s.lat(),
                s.accuracyMeters(),
                distance,
                insideGrid,
                outside,
                json.writeValueAsString(answers),
                photoIds.toArray(UUID[]::new),
                signature,
                blankToNull(s.signerName()),
                blankToNull(s.findings()),
                blankToNull(s.reference()))
            .query(Long.class)
            .single();
    for (ChecklistItem item : failed) {
      jdbc.sql(
              """
              INSERT INTO inspection_failed_item (inspection_id, district_code, item_key, text,
                                                  severity, case_type)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              id, object.districtCode(), item.key(), item.text(), item.severity(), item.caseType())
          .update();
    }
    int tasksDone = 0;
    if ("INSPECTION".equals(kind)) {
      tasksDone =
          jdbc.sql(
                  """
                  UPDATE patrol_task SET status = 'DONE', inspection_id = ?, done_at = ?
                   WHERE status = 'OPEN' AND (id = ? OR (object_id = ? AND period_start <= ?))
                  """)
              .params(
                  id,
                  Timestamp.from(s.endedAt().toInstant()),
                  s.taskId(),
                  object.id(),
                  s.endedAt().atZoneSameInstant(PatrolPeriods.CHINA).toLocalDate())
              .update();
    } else {
      OfficerDutyListener.OfficerDuty duty =
          new OfficerDutyListener.OfficerDuty(
              kind,
              id,
              object.id(),
              actor.userId(),
              officerId,
              s.endedAt().toInstant(),
              blankToNull(s.signerName()),
              blankToNull(s.findings()),
              s.lon(),
              s.lat(),
              outside,
              signature != null,
              blankToNull(s.reference()));
      dutyListeners.forEach(l -> l.dutyRecorded(duty));
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("kind", kind);
    after.put("objectId", object.id());
    after.put("checklistId", checklist == null ? null : checklist.id());
    after.put("failedItems", failed.size());
    after.put("outsideAllowedArea", outside);
    after.put("tasksDone", tasksDone);
    audit.record(
        "inspection.record", "inspection", Long.toString(id), object.divisionCode(), null, after);
    return new Recorded(result(id), true);
  }

  private static void validateAnswer(ChecklistItem item, Answer a) {
    String v = a.answer();
    switch (item.answerType()) {
      case "YES_NO_NA" -> {
        if (!"YES".equals(v) && !"NO".equals(v) && !"NA".equals(v)) {
          throw new InspectionRejected("answers", "inspection.rule.answerYesNo", a.key());
        }
      }
      case "NUMBER" -> {
        try {
          Double.parseDouble(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
          throw new InspectionRejected("answers", "inspection.rule.answerNumber", a.key());
        }
      }
      case "PHOTO" -> {
        if (a.photoIds() == null || a.photoIds().isEmpty()) {
          throw new InspectionRejected("answers", "inspection.rule.answerPhoto", a.key());
        }
      }
      default -> {
        if (v != null && v.length() > 2000) {
          throw new InspectionRejected("answers", "inspection.rule.tooLong", "2000");
        }
      }
    }
    if (a.note() != null && a.note().length() > 2000) {
      throw new InspectionRejected("answers", "inspection.rule.tooLong", "2000");
    }
  }

  private static byte[] signature(String dataUrl) {
    if (dataUrl == null || dataUrl.isBlank()) {
      return null;
    }
    String prefix = "data:image/png;base64,";
    if (!dataUrl.startsWith(prefix)) {
      throw new InspectionRejected("signature", "inspection.rule.signature", null);
    }
    byte[] png;
    try {
      png = Base64.getDecoder().decode(dataUrl.substring(prefix.length()).strip());
    } catch (IllegalArgumentException e) {
      throw new InspectionRejected("signature", "inspection.rule.signature", null);
    }
    if (png.length > 1024 * 1024
        || png.length < 8
        || !java.util.Arrays.equals(java.util.Arrays.copyOf(png, 8), PNG_MAGIC)) {
      throw new InspectionRejected("signature", "inspection.rule.signature", null);
    }
    return png;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ------------------------------------------------------------------ read

  Result result(long id) {
    return jdbc.sql(
            "SELECT id, client_id, outside_allowed_area, distance_m FROM inspection WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Result(
                    rs.getLong("id"),
                    rs.getString("client_id"),
                    rs.getBoolean("outside_allowed_area"),
                    (Double) rs.getObject("distance_m"),
                    failedItems(id)))
        .single();
  }

  List<FailedItem> failedItems(long id) {
    return jdbc.sql(
            """
            SELECT f.item_key, f.text, f.severity, f.case_type, f.case_id, f.case_number
              FROM inspection_failed_item f WHERE f.inspection_id = ? ORDER BY f.item_key
            """)
        .param(id)
        .query(
            (rs, n) ->
                new FailedItem(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    (Long) rs.getObject(5),
                    rs.getString(6)))
        .list();
  }

  /** Whether the actor sees a record of this division recorded by this user. */
  static boolean sees(Actor actor, String divisionCode, long userId) {
    if (userId == actor.userId()) {
      return true;
    }
    return switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR, STREET_OFFICER, VILLAGE_OFFICER ->
          actor.covers(divisionCode);
      default -> false;
    };
  }

  private static final String DETAIL_SELECT =
      """
      SELECT i.*, o.name AS object_name, u.display_name AS recorded_by, c.version AS checklist_version
        FROM inspection i
        JOIN supervised_object o ON o.id = i.object_id
        JOIN app_user u ON u.id = i.user_id
        LEFT JOIN checklist c ON c.id = i.checklist_id
      """;

  @Transactional(readOnly = true)
  public Detail get(long id) {
    Actor actor = currentActor.require();
    return jdbc.sql(DETAIL_SELECT + " WHERE i.id = ?")
        .param(id)
        .query(this::detail)
        .optional()
        .filter(d -> sees(actor, divisionOf(d.id()), d.userId()))
        .orElseThrow(() -> ApiProblems.notFound("Inspection", Long.toString(id)));
  }

  private String divisionOf(long id) {
    return jdbc.sql("SELECT division_code FROM inspection WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Transactional(readOnly = true)
  byte[] signaturePng(long id) {
    get(id);
    // list(), not single(): single() refuses a null column value (no signature drawn)
    List<byte[]> found =
        jdbc.sql("SELECT signature_png FROM inspection WHERE id = ?")
            .param(id)
            .query((rs, n) -> rs.getBytes(1))
            .list();
    byte[] png = found.isEmpty() ? null : found.get(0);
    if (png == null) {
      throw ApiProblems.notFound("Signature of inspection", Long.toString(id));
    }
    return png;
  }

  private Detail detail(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    java.sql.Array photoArray = rs.getArray("photo_ids");
    List<String> photoIds = new ArrayList<>();
    if (photoArray != null) {
      for (Object o : (Object[]) photoArray.getArray()) {
        photoIds.add(o.toString());
      }
    }
    return new Detail(
        id,
        rs.getString("client_id"),
        rs.getString("kind"),
        rs.getLong("object_id"),
        rs.getString("object_name"),
        (Long) rs.getObject("task_id"),
        (Long) rs.getObject("checklist_id"),
        (Integer) rs.getObject("checklist_version"),
        rs.getLong("user_id"),
        rs.getString("recorded_by"),
        (Long) rs.getObject("officer_id"),
        rs.getString("grid_code"),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("ended_at").toInstant(),
        (Double) rs.getObject("lon"),
        (Double) rs.getObject("lat"),
        (Double) rs.getObject("accuracy_m"),
        (Double) rs.getObject("distance_m"),
        rs.getBoolean("inside_grid"),
        rs.getBoolean("outside_allowed_area"),
        json.readValue(rs.getString("answers"), new TypeReference<List<Answer>>() {}),
        photoIds,
        rs.getObject("signature_png") != null,
        rs.getString("signer_name"),
        rs.getString("findings"),
        failedItems(id),
        rs.getTimestamp("created_at").toInstant());
  }

  @Transactional(readOnly = true)
  public Page list(Long objectId, boolean mine, int page, int size) {
    Actor actor = currentActor.require();
    int limit = Math.max(1, Math.min(size, 200));
    int offset = Math.max(0, page) * limit;
    StringBuilder where = new StringBuilder(" WHERE ");
    List<Object> params = new ArrayList<>();
    boolean territorial =
        switch (actor.role()) {
          case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR, STREET_OFFICER, VILLAGE_OFFICER ->
              true;
          default -> false;
        };
    if (mine || !territorial) {
      where.append("i.user_id = ?");
      params.add(actor.userId());
    } else {
      where.append("i.division_code LIKE ?");
      params.add(actor.scope().likePattern());
    }
    if (objectId != null) {
      where.append(" AND i.object_id = ?");
      params.add(objectId);
    }
    long total =
        jdbc.sql("SELECT count(*) FROM inspection i" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(limit);
    pageParams.add(offset);
    List<Summary> items =
        jdbc.sql(
                """
                SELECT i.id, i.client_id, i.kind, i.object_id, o.name AS object_name, i.task_id,
                       i.checklist_id, i.user_id, u.display_name AS recorded_by, i.started_at,
                       i.ended_at, i.outside_allowed_area, i.distance_m,
                       (SELECT count(*) FROM inspection_failed_item f WHERE f.inspection_id = i.id) AS failed
                  FROM inspection i
                  JOIN supervised_object o ON o.id = i.object_id
                  JOIN app_user u ON u.id = i.user_id
                """
                    + where
                    + " ORDER BY i.ended_at DESC, i.id DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(
                (rs, n) ->
                    new Summary(
                        rs.getLong("id"),
                        rs.getString("client_id"),
                        rs.getString("kind"),
                        rs.getLong("object_id"),
                        rs.getString("object_name"),
                        (Long) rs.getObject("task_id"),
                        (Long) rs.getObject("checklist_id"),
                        rs.getLong("user_id"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("ended_at").toInstant(),
                        rs.getBoolean("outside_allowed_area"),
                        (Double) rs.getObject("distance_m"),
                        rs.getInt("failed")))
            .list();
    return new Page(items, total);
  }

  // ------------------------------------------------------------------ failed item -> case

  ItemCase caseFor(long inspectionId, String itemKey, String description) {
    Actor actor = currentActor.require();
    Detail d = get(inspectionId);
    if (!RECORDERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Only officers and administrators report cases from inspections");
    }
    record Item(String text, String severity, String caseType, Long caseId, String caseNumber) {}
    Item item =
        jdbc.sql(
                """
                SELECT text, severity, case_type, case_id, case_number FROM inspection_failed_item
                 WHERE inspection_id = ? AND item_key = ? FOR UPDATE
                """)
            .params(inspectionId, itemKey)
            .query(
                (rs, n) ->
                    new Item(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5)))
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Failed item", inspectionId + "/" + itemKey));
    if (item.caseId() != null) {
      return new ItemCase(item.caseId(), item.caseNumber(), false);
    }
    if (description != null && description.length() > 5000) {
      throw new InspectionRejected("description", "inspection.rule.tooLong", "5000");
    }
    ChecklistItem checklistItem =
        d.checklistId() == null
            ? null
            : checklists.find(d.checklistId()).map(c -> c.item(itemKey)).orElse(null);
    Answer answer =
        d.answers().stream().filter(a -> a.key().equals(itemKey)).findFirst().orElse(null);
    StringBuilder text = new StringBuilder("巡查检查不符合项：").append(item.text());
    if (answer != null && answer.note() != null && !answer.note().isBlank()) {
      text.append("\n现场情况：").append(answer.note().strip());
    }
    if (description != null && !description.isBlank()) {
      text.append("\n").append(description.strip());
    }
    if (checklistItem != null && !checklistItem.legalBasis().isBlank()) {
      text.append("\n依据：").append(checklistItem.legalBasis());
    }
    text.append("\n严重程度：").append("MAJOR".equals(item.severity()) ? "重大" : "一般");
    text.append("\n检查记录：#").append(inspectionId);
    String title = item.text().length() > 200 ? item.text().substring(0, 200) : item.text();
    CaseIntake.Created created =
        caseIntake.report(
            item.caseType(),
            "OFFICER_INSPECTION",
            d.objectId(),
            d.lon(),
            d.lat(),
            title,
            text.toString(),
            "inspection-" + inspectionId + "-" + itemKey);
    jdbc.sql(
            "UPDATE inspection_failed_item SET case_id = ?, case_number = ? WHERE inspection_id = ? AND item_key = ?")
        .params(created.id(), created.number(), inspectionId, itemKey)
        .update();
    audit.record(
        "inspection.item.case",
        "inspection",
        inspectionId + "/" + itemKey,
        divisionOf(inspectionId),
        null,
        Map.of("caseId", created.id(), "caseNumber", created.number()));
    return new ItemCase(created.id(), created.number(), true);
  }
}
