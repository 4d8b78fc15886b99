package cn.anwang.partner.work;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.registry.SupervisedObjects;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A partner user's own findings, newest first, with their cases' status as last heard. */
@Component
public class FindingQueries {

  /**
   * @param itemId the checklist item that failed; null for a single observation
   * @param caseStatus REPORTED, REGISTERED, VOIDED, DISPATCHED, … as casework last said
   */
  public record Row(
      long findingId,
      Instant createdAt,
      long engagementId,
      long objectId,
      String objectName,
      String itemId,
      String title,
      long caseId,
      String caseNumber,
      String caseType,
      String caseStatus) {}

  private final CurrentActor actors;
  private final PartnerWork work;
  private final SupervisedObjects objects;
  private final JdbcClient jdbc;

  FindingQueries(
      CurrentActor actors, PartnerWork work, SupervisedObjects objects, JdbcClient jdbc) {
    this.actors = actors;
    this.work = work;
    this.objects = objects;
    this.jdbc = jdbc;
  }

  /** The caller's findings (partner accounts only, 403 otherwise). */
  public List<Row> mine(int limit) {
    Actor actor = actors.require();
    work.organisationOf(actor);
    Map<Long, String> names = new HashMap<>();
    return jdbc
        .sql(
            """
            SELECT id, created_at, engagement_id, object_id, item_key, title, case_id,
                   case_number, case_type, case_status
              FROM partner_finding WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
            """)
        .params(actor.userId(), Math.max(1, Math.min(limit, 500)))
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getLong(3),
                    rs.getLong(4),
                    null,
                    rs.getString(5),
                    rs.getString(6),
                    rs.getLong(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10)))
        .list()
        .stream()
        .map(
            r ->
                new Row(
                    r.findingId(),
                    r.createdAt(),
                    r.engagementId(),
                    r.objectId(),
                    names.computeIfAbsent(
                        r.objectId(),
                        id -> objects.find(id).map(SupervisedObjects.ObjectRef::name).orElse("")),
                    r.itemId(),
                    r.title(),
                    r.caseId(),
                    r.caseNumber(),
                    r.caseType(),
                    r.caseStatus()))
        .toList();
  }
}
