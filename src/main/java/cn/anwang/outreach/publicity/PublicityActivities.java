package cn.anwang.outreach.publicity;

import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.outreach.web.OutreachUploads;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.web.ApiProblems;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Recording a publicity activity from the desk or the phone page: checked fields, objects reached
 * that the recorder may see (not closed), photos sniffed by content; all or nothing, audited.
 * Idempotent per (recorder, client id): a retry finds the first activity.
 */
@Service
@Transactional
public class PublicityActivities {

  static final Set<Role> RECORDERS =
      Set.of(
          Role.CITY_ADMIN,
          Role.DISTRICT_ADMIN,
          Role.STREET_ADMIN,
          Role.STREET_OFFICER,
          Role.VILLAGE_OFFICER);
  static final Set<String> TYPES = Set.of("LECTURE", "DRILL", "LEAFLETS", "DOOR_TO_DOOR", "MEDIA");
  static final int MAX_OBJECTS = 500;
  static final int MAX_AUDIENCE = 100_000;

  /** What the recorder sends; {@code source} is DESK or PHONE. */
  record Activity(
      String clientId,
      String type,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String place,
      String audience,
      Integer audienceSize,
      String materials,
      String notes,
      String gridCode,
      List<Long> objectIds,
      String source) {}

  /** The result: the activity and whether this call made it. */
  record Recorded(long id, boolean created) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final SupervisedObjects objects;
  private final Grids grids;
  private final PublicityPhotos photos;

  PublicityActivities(
      JdbcClient jdbc,
      CurrentActor currentActor,
      AuditLog audit,
      SupervisedObjects objects,
      Grids grids,
      PublicityPhotos photos) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.audit = audit;
    this.objects = objects;
    this.grids = grids;
    this.photos = photos;
  }

  Recorded record(Activity a, List<MultipartFile> files) {
    Actor actor = recorder();
    UUID key = clientId(a.clientId());
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .params((int) actor.userId(), "publicity:" + key)
        .query((rs, n) -> 1)
        .list();
    Optional<Long> existing =
        jdbc.sql("SELECT id FROM publicity_activity WHERE recorded_by = ? AND client_id = ?")
            .params(actor.userId(), key)
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    String type = a.type() == null ? null : a.type().strip().toUpperCase();
    if (type == null || type.isEmpty()) {
      throw new OutreachRejected("type", "publicity.rule.required", null);
    }
    if (!TYPES.contains(type)) {
      throw new OutreachRejected("type", "publicity.rule.unknownValue", a.type());
    }
    String source = a.source() == null || a.source().isBlank() ? "DESK" : a.source().strip();
    if (!Set.of("DESK", "PHONE").contains(source)) {
      throw new OutreachRejected("source", "publicity.rule.unknownValue", a.source());
    }
    if (a.startsAt() == null) {
      throw new OutreachRejected("startsAt", "publicity.rule.required", null);
    }
    if (a.endsAt() == null) {
      throw new OutreachRejected("endsAt", "publicity.rule.required", null);
    }
    if (a.endsAt().isBefore(a.startsAt())) {
      throw new OutreachRejected("endsAt", "publicity.rule.endBeforeStart", null);
    }
    if (a.startsAt().isAfter(OffsetDateTime.now().plusYears(1))
        || a.startsAt().isBefore(OffsetDateTime.now().minusYears(2))) {
      throw new OutreachRejected("startsAt", "publicity.rule.timeRange", a.startsAt().toString());
    }
    if (Duration.between(a.startsAt(), a.endsAt()).toDays() > 31) {
      throw new OutreachRejected("endsAt", "publicity.rule.tooLongActivity", "31");
    }
    String place = text(a.place(), 200, "place", true);
    String audience = text(a.audience(), 200, "audience", false);
    String materials = text(a.materials(), 1000, "materials", false);
    String notes = text(a.notes(), 4000, "notes", false);
    int size = a.audienceSize() == null ? 0 : a.audienceSize();
    if (size < 0 || size > MAX_AUDIENCE) {
      throw new OutreachRejected(
          "audienceSize", "publicity.rule.audienceSize", Integer.toString(MAX_AUDIENCE));
    }
    GridRef grid = null;
    if (a.gridCode() != null && !a.gridCode().isBlank()) {
      grid =
          grids
              .find(a.gridCode().strip())
              .filter(g -> actor.covers(g.divisionCode()))
              .orElseThrow(
                  () ->
                      new OutreachRejected("gridCode", "publicity.rule.gridOutside", a.gridCode()));
    }
    List<ObjectRef> reached = reached(actor, a.objectIds());
    List<OutreachUploads.Upload> uploads = photos.check(files);
    String territory = actor.scope().territoryCode();
    String scope = grid != null ? grid.divisionCode() : territory;
    String district = scope.length() >= 6 ? scope.substring(0, 6) : null;
    if (district == null && !reached.isEmpty()) {
      district = reached.get(0).districtCode();
    }
    if (district == null) {
      throw new OutreachRejected("gridCode", "publicity.rule.districtNeeded", null);
    }
    String street = scope.length() >= 9 ? scope.substring(0, 9) : null;
    long id =
        jdbc.sql(
                """
                INSERT INTO publicity_activity (client_id, recorded_by, recorder_name, scope_code,
                    district_code, street_code, grid_code, type, starts_at, ends_at, place,
                    audience, audience_size, materials, notes, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                key,
                actor.userId(),
                actor.displayName(),
                scope,
                district,
                street,
                grid == null ? null : grid.code(),
                type,
                Timestamp.from(a.startsAt().toInstant()),
                Timestamp.from(a.endsAt().toInstant()),
                place,
                audience,
                size,
                materials,
                notes,
                source)
            .query(Long.class)
            .single();
    for (ObjectRef o : reached) {
      jdbc.sql(
              """
              INSERT INTO publicity_object (activity_id, object_id, division_code, grid_code, kind,
                                            reached_at)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              o.id(),
              o.divisionCode(),
              o.gridCode(),
              o.kind(),
              Timestamp.from(a.startsAt().toInstant()))
          .update();
    }
    photos.store(id, uploads);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("type", type);
    after.put("startsAt", a.startsAt().toString());
    after.put("endsAt", a.endsAt().toString());
    after.put("place", place);
    after.put("audienceSize", size);
    after.put("gridCode", grid == null ? null : grid.code());
    after.put("objects", reached.stream().map(ObjectRef::id).toList());
    after.put("photos", uploads.size());
    after.put("source", source);
    audit.record("publicity.record", "publicity-activity", Long.toString(id), scope, null, after);
    return new Recorded(id, true);
  }

  private List<ObjectRef> reached(Actor actor, List<Long> ids) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    Set<Long> distinct = new LinkedHashSet<>(ids);
    if (distinct.size() > MAX_OBJECTS) {
      throw new OutreachRejected(
          "objectIds", "publicity.rule.tooManyObjects", Integer.toString(MAX_OBJECTS));
    }
    List<ObjectRef> out = new ArrayList<>();
    for (Long id : distinct) {
      ObjectRef o =
          (id == null ? Optional.<ObjectRef>empty() : objects.find(id))
              .filter(r -> actor.covers(r.divisionCode()) && !"CLOSED".equals(r.status()))
              .orElseThrow(
                  () ->
                      new OutreachRejected(
                          "objectIds", "publicity.rule.objectOutside", String.valueOf(id)));
      out.add(o);
    }
    return out;
  }

  private Actor recorder() {
    Actor actor = currentActor.require();
    if (!RECORDERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Only officers and administrators record publicity activities");
    }
    return actor;
  }

  private static UUID clientId(String text) {
    if (text == null || text.isBlank()) {
      throw new OutreachRejected("clientId", "publicity.rule.required", null);
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new OutreachRejected("clientId", "publicity.rule.uuid", text);
    }
  }

  static String text(String value, int max, String field, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new OutreachRejected(field, "publicity.rule.required", null);
      }
      return null;
    }
    String t = value.strip();
    if (t.length() > max) {
      throw new OutreachRejected(field, "publicity.rule.tooLong", Integer.toString(max));
    }
    return t;
  }
}
