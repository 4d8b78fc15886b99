package cn.anwang.outreach.publicity;

import cn.anwang.identity.AuditLog;
import cn.anwang.identity.UserDirectory;
import cn.anwang.inspection.OfficerDutyListener;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publicity visits recorded on the phone in the inspection flow: each officer's visits of one day
 * in one grid are one DOOR_TO_DOOR activity with source VISIT (its client id derived from officer,
 * day and grid), and each visit adds its object, pointing at the visit. The visit itself keeps the
 * signature, photos and position; replays change nothing.
 */
@Component
class PublicityVisits implements OfficerDutyListener {

  static final String KIND = "PUBLICITY";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final SupervisedObjects objects;
  private final UserDirectory users;

  PublicityVisits(JdbcClient jdbc, AuditLog audit, SupervisedObjects objects, UserDirectory users) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.objects = objects;
    this.users = users;
  }

  @Override
  public void dutyRecorded(OfficerDuty duty) {
    if (!KIND.equals(duty.kind())) {
      return;
    }
    ObjectRef o = objects.find(duty.objectId()).orElse(null);
    if (o == null) {
      return;
    }
    LocalDate day = duty.endedAt().atZone(PublicityQueries.BEIJING).toLocalDate();
    UUID key =
        UUID.nameUUIDFromBytes(
            ("visit:" + duty.userId() + ":" + day + ":" + o.gridCode())
                .getBytes(StandardCharsets.UTF_8));
    String name = users.find(duty.userId()).map(u -> u.displayName()).orElse("-");
    Timestamp at = Timestamp.from(duty.endedAt());
    String place = o.address() == null || o.address().isBlank() ? o.name() : o.address();
    long id =
        jdbc.sql(
                """
                INSERT INTO publicity_activity (client_id, recorded_by, recorder_name, scope_code,
                    district_code, street_code, grid_code, type, starts_at, ends_at, place,
                    audience_size, materials, source)
                VALUES (:key, :user, :name, :scope, :district, :street, :grid, 'DOOR_TO_DOOR',
                        :at, :at, :place, 0, :materials, 'VISIT')
                ON CONFLICT (recorded_by, client_id) DO UPDATE
                   SET starts_at = least(publicity_activity.starts_at, EXCLUDED.starts_at),
                       ends_at = greatest(publicity_activity.ends_at, EXCLUDED.ends_at)
                RETURNING id
                """)
            .param("key", key)
            .param("user", duty.userId())
            .param("name", name)
            .param("scope", o.divisionCode())
            .param("district", o.districtCode())
            .param("street", o.streetCode())
            .param("grid", o.gridCode())
            .param("at", at)
            .param("place", place.length() > 200 ? place.substring(0, 200) : place)
            .param("materials", PublicityActivities.text(clip(duty.findings()), 1000, "m", false))
            .query(Long.class)
            .single();
    int added =
        jdbc.sql(
                """
                INSERT INTO publicity_object (activity_id, object_id, division_code, grid_code,
                                              kind, reached_at, inspection_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            .params(id, o.id(), o.divisionCode(), o.gridCode(), o.kind(), at, duty.inspectionId())
            .update();
    jdbc.sql(
            "UPDATE publicity_activity SET audience_size ="
                + " (SELECT count(*) FROM publicity_object WHERE activity_id = ?) WHERE id = ?")
        .params(id, id)
        .update();
    if (added > 0) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("objectId", o.id());
      after.put("inspectionId", duty.inspectionId());
      after.put("source", "VISIT");
      audit.record(
          "publicity.visit",
          "publicity-activity",
          Long.toString(id),
          o.divisionCode(),
          null,
          after);
    }
  }

  private static String clip(String s) {
    return s != null && s.length() > 1000 ? s.substring(0, 1000) : s;
  }
}
