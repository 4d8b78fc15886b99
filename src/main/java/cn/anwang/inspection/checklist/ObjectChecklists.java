package cn.anwang.inspection.checklist;

import cn.anwang.identity.CurrentActor;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.shared.web.ApiProblems;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which current checklist applies to an object, by its kind, industry and hazard features. */
@Service
@Transactional(readOnly = true)
public class ObjectChecklists {

  /** What checklist matching looks at in an object. */
  public record Profile(
      String kind, String industryCode, List<String> hazards, String districtCode) {}

  private final JdbcClient jdbc;
  private final Checklists checklists;
  private final SupervisedObjects objects;
  private final CurrentActor currentActor;

  ObjectChecklists(
      JdbcClient jdbc,
      Checklists checklists,
      SupervisedObjects objects,
      CurrentActor currentActor) {
    this.jdbc = jdbc;
    this.checklists = checklists;
    this.objects = objects;
    this.currentActor = currentActor;
  }

  /** The checklist for an object in the caller's scope (404 otherwise, or when none applies). */
  public Checklist forObject(long objectId) {
    var actor = currentActor.require();
    objects
        .find(objectId)
        .filter(o -> actor.covers(o.divisionCode()))
        .orElseThrow(() -> ApiProblems.notFound("Object", Long.toString(objectId)));
    return choose(objectId)
        .orElseThrow(() -> ApiProblems.notFound("Checklist for object", Long.toString(objectId)));
  }

  /** The checklist for an object, unscoped. */
  public Optional<Checklist> choose(long objectId) {
    Profile p = profile(objectId).orElse(null);
    if (p == null) {
      return Optional.empty();
    }
    return Checklists.choose(
        checklists.allCurrent(), p.kind(), p.industryCode(), p.hazards(), p.districtCode());
  }

  Optional<Profile> profile(long objectId) {
    return jdbc.sql(
            "SELECT kind, industry_code, hazards, district_code FROM supervised_object WHERE id = ?")
        .param(objectId)
        .query(
            (rs, n) ->
                new Profile(
                    rs.getString(1),
                    rs.getString(2),
                    Checklists.list(rs.getArray(3)),
                    rs.getString(4)))
        .optional();
  }
}
