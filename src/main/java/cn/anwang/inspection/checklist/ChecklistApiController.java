package cn.anwang.inspection.checklist;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/checklists}: current checklists, one version, the one for an object, every version
 * of a code; POST a new checklist and PUT the next version (administrators).
 */
@RestController
@RequestMapping("/api/v1/checklists")
class ChecklistApiController {

  /** A checklist in lists (without its items). */
  record Summary(
      long id,
      String code,
      String name,
      int version,
      boolean example,
      boolean current,
      String districtCode,
      List<String> kinds,
      List<String> industries,
      List<String> hazards) {

    static Summary of(Checklist c) {
      return new Summary(
          c.id(),
          c.code(),
          c.name(),
          c.version(),
          c.example(),
          c.current(),
          c.districtCode(),
          c.kinds(),
          c.industries(),
          c.hazards());
    }
  }

  private final Checklists checklists;
  private final ObjectChecklists objectChecklists;

  ChecklistApiController(Checklists checklists, ObjectChecklists objectChecklists) {
    this.checklists = checklists;
    this.objectChecklists = objectChecklists;
  }

  @GetMapping
  Map<String, Object> list() {
    return Map.of("items", checklists.current().stream().map(Summary::of).toList());
  }

  @GetMapping("/{id}")
  Checklist get(@PathVariable long id) {
    return checklists.get(id);
  }

  @GetMapping("/{id}/versions")
  Map<String, Object> versions(@PathVariable long id) {
    return Map.of(
        "items", checklists.versions(checklists.get(id).code()).stream().map(Summary::of).toList());
  }

  @GetMapping("/for-object/{objectId}")
  Checklist forObject(@PathVariable long objectId) {
    return objectChecklists.forObject(objectId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Checklist create(@RequestBody Checklists.Draft draft) {
    return checklists.create(draft);
  }

  @PutMapping("/{id}")
  Checklist update(@PathVariable long id, @RequestBody Checklists.Draft draft) {
    return checklists.update(id, draft);
  }
}
