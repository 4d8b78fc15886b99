package cn.anwang.assessment.web;

import cn.anwang.assessment.scheme.Rankings.Place;
import cn.anwang.assessment.scheme.SchemeAccess;
import cn.anwang.assessment.scheme.Schemes;
import cn.anwang.assessment.scheme.ScoreSheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessment schemes and their score sheets: {@code /api/v1/assessment-schemes} (list, create),
 * {@code /{id}} (read, replace a draft), {@code /{id}/publish}, {@code /{id}/sheets} (the ranking),
 * {@code /{id}/sheets/{unit}} (a sheet), {@code .../comments}, {@code .../sign}. Roles as in {@link
 * SchemeAccess}.
 */
@RestController
@Tag(name = "Assessment schemes")
class SchemeApiController {

  /** A comment on a sheet. */
  record CommentRequest(String comment) {}

  private final Schemes schemes;
  private final ScoreSheets sheets;
  private final SchemeAccess access;
  private final SchemeViews views;

  SchemeApiController(Schemes schemes, ScoreSheets sheets, SchemeAccess access, SchemeViews views) {
    this.schemes = schemes;
    this.sheets = sheets;
    this.access = access;
    this.views = views;
  }

  @GetMapping("/api/v1/assessment-schemes")
  @Operation(summary = "The schemes the caller reads (owned in the territory, or assessing it)")
  List<SchemeViews.SchemeView> list(@RequestParam(required = false) Integer year) {
    return schemes.list(year).stream().map(s -> views.scheme(s, access.reader())).toList();
  }

  @PostMapping("/api/v1/assessment-schemes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Creates a draft scheme (district admin: STREET; city admin: DISTRICT)")
  SchemeViews.SchemeView create(@RequestBody Schemes.Draft draft) {
    return views.scheme(schemes.create(draft), access.reader());
  }

  @GetMapping("/api/v1/assessment-schemes/{id}")
  @Operation(summary = "A scheme with its items and the sum of their weights")
  SchemeViews.SchemeView get(@PathVariable long id) {
    return views.scheme(schemes.get(id), access.reader());
  }

  @PutMapping("/api/v1/assessment-schemes/{id}")
  @Operation(summary = "Replaces a draft scheme's name and items")
  SchemeViews.SchemeView update(@PathVariable long id, @RequestBody Schemes.Draft draft) {
    return views.scheme(schemes.update(id, draft), access.reader());
  }

  @PostMapping("/api/v1/assessment-schemes/{id}/publish")
  @Operation(summary = "Publishes a draft: final, and its units are scored")
  SchemeViews.SchemeView publish(@PathVariable long id) {
    return views.scheme(schemes.publish(id), access.reader());
  }

  @GetMapping("/api/v1/assessment-schemes/{id}/sheets")
  @Operation(summary = "Every unit of a published scheme by total score; ties share a rank")
  List<Place> ranking(@PathVariable long id) {
    return sheets.ranking(id);
  }

  @GetMapping("/api/v1/assessment-schemes/{id}/sheets/{unit}")
  @Operation(summary = "A unit's score sheet: per item figure, points, records; history")
  SchemeViews.SheetView sheet(@PathVariable long id, @PathVariable String unit) {
    return views.sheet(sheets.sheet(id, unit), access.reader());
  }

  @PostMapping("/api/v1/assessment-schemes/{id}/sheets/{unit}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "The assessor's comment on an open sheet")
  SchemeViews.SheetView comment(
      @PathVariable long id, @PathVariable String unit, @RequestBody CommentRequest request) {
    return views.sheet(sheets.comment(id, unit, request.comment()), access.reader());
  }

  @PostMapping("/api/v1/assessment-schemes/{id}/sheets/{unit}/sign")
  @Operation(summary = "The assessor signs a sheet off: its score is frozen (LOCKED)")
  SchemeViews.SheetView sign(@PathVariable long id, @PathVariable String unit) {
    return views.sheet(sheets.sign(id, unit), access.reader());
  }
}
