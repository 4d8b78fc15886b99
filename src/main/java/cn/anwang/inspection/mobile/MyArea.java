package cn.anwang.inspection.mobile;

import cn.anwang.area.Grids;
import cn.anwang.identity.Actor;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.workforce.OfficerDirectory;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The officer's own area for the phone pages: the grids the officer linked to the log-in account is
 * assigned to now, and the supervised objects in them. Both are cut to the caller's territory; a
 * user who is not an officer has no grids and no objects.
 */
@Service
class MyArea {

  /** More objects than this in one officer's grids are not sent to a phone. */
  static final int OBJECT_LIMIT = 2000;

  private final OfficerDirectory officers;
  private final Grids grids;
  private final SupervisedObjects objects;

  MyArea(OfficerDirectory officers, Grids grids, SupervisedObjects objects) {
    this.officers = officers;
    this.grids = grids;
    this.objects = objects;
  }

  /** The codes of the caller's current grids inside the caller's territory. */
  List<String> gridCodes(Actor actor) {
    return officers
        .byUser(actor.userId())
        .map(o -> officers.currentGridCodes(o.id()))
        .orElse(List.of())
        .stream()
        .filter(code -> grids.find(code).filter(g -> actor.covers(g.divisionCode())).isPresent())
        .toList();
  }

  /** The caller's grids as a GeoJSON FeatureCollection. */
  String gridsGeoJson(Actor actor) {
    return grids.featureCollection(gridCodes(actor));
  }

  /** The objects (not closed) in the caller's grids, at most {@link #OBJECT_LIMIT} + 1. */
  List<ObjectRef> objects(Actor actor) {
    return objects.inGrids(gridCodes(actor), OBJECT_LIMIT + 1).stream()
        .filter(o -> actor.covers(o.divisionCode()))
        .toList();
  }
}
