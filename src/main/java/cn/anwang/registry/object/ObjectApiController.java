package cn.anwang.registry.object;

import cn.anwang.shared.supervision.ObjectKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervised objects over HTTP, scoped to the caller's territory and department. */
@RestController
@RequestMapping(path = "/api/v1/objects", produces = MediaType.APPLICATION_JSON_VALUE)
class ObjectApiController {

  private final ObjectService objects;

  ObjectApiController(ObjectService objects) {
    this.objects = objects;
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Operation(
      summary = "The zh-CN .xlsx template of the object import",
      description =
          "A data sheet with the import's headers (required ones marked *), drop-down lists for"
              + " fixed values and a sheet describing every column.")
  @GetMapping(path = "/import/template", produces = XLSX)
  ResponseEntity<byte[]> importTemplate() {
    return templateDownload();
  }

  /** The import template as a download; the pages serve the same file to their sessions. */
  static ResponseEntity<byte[]> templateDownload() {
    var out = new java.io.ByteArrayOutputStream();
    cn.anwang.shared.tabular.ImportTemplate.write(out, ObjectTable.SHEET, ObjectTable.SPEC);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(XLSX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename("监督管理对象导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(out.toByteArray());
  }

  @Operation(
      summary = "Search objects in your scope, a page at a time",
      description =
          "Contacts are masked in lists. risk filters on the effective level (the override when"
              + " there is one); industry is a code prefix; division a street or village code.")
  @GetMapping
  ObjectService.ObjectPage search(
      @Parameter(description = "text in name, address, or the exact USCC")
          @RequestParam(required = false)
          String q,
      @RequestParam(required = false) ObjectKind kind,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) RiskLevel risk,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String grid,
      @Parameter(description = "street or village code") @RequestParam(required = false)
          String division,
      @RequestParam(required = false) ObjectStatus status,
      @RequestParam(required = false) Boolean directSupervision,
      @Parameter(description = "only objects outside every grid") @RequestParam(required = false)
          Boolean outsideGrids,
      @Parameter(description = "only objects without a responsible department")
          @RequestParam(required = false)
          Boolean missingDepartment,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return objects.search(
        new ObjectQuery(
            q,
            kind,
            industry,
            risk,
            department,
            grid,
            division,
            status,
            directSupervision,
            outsideGrids,
            missingDepartment),
        page,
        size);
  }

  @Operation(
      summary = "An object; its ETag is its version",
      description =
          "Contacts in full for administrators of its territory and staff of its departments"
              + " (each such read is audited), masked for everyone else.")
  @GetMapping("/{id}")
  ResponseEntity<ObjectView> get(@PathVariable long id) {
    return view(objects.get(id));
  }

  @Operation(
      summary = "Register an object",
      description =
          "The grid, street and village come from the location (lon/lat in crs, WGS-84 by"
              + " default). 422 problem naming the field when a rule is broken (a failing USCC"
              + " without usccOverrideReason, a point outside Tianjin or swapped, an unknown"
              + " industry code); 409 when another object has the USCC or the name and address.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectView> create(@Valid @RequestBody ObjectInput input) {
    ObjectView created = objects.create(input);
    return ResponseEntity.created(URI.create("/api/v1/objects/" + created.id()))
        .eTag("\"" + created.version() + "\"")
        .body(created);
  }

  @Operation(
      summary = "Change an object's fields",
      description =
          "Only the fields sent change. Send the version you read in the body (409 when stale)"
              + " or as If-Match (412 when stale). Close or suspend with status.")
  @PatchMapping(
      path = "/{id}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
  ResponseEntity<ObjectView> update(
      @PathVariable long id,
      @Valid @RequestBody ObjectInput input,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return view(objects.update(id, input, version(ifMatch)));
  }

  @Operation(summary = "Delete an object for good (city and district administrators; prefer close)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    objects.delete(id, version(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "An object's change history, newest first")
  @GetMapping("/{id}/history")
  List<HistoryEntry> history(@PathVariable long id) {
    return objects.history(id);
  }

  @Operation(
      summary = "Objects moved between grids because grids changed",
      description =
          "Moves in your territory since the instant (ISO-8601), oldest first, at most 1000.")
  @GetMapping("/grid-moves")
  List<GridMove> moves(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant since) {
    return objects.moves(since == null ? Instant.EPOCH : since);
  }

  private static ResponseEntity<ObjectView> view(ObjectView view) {
    return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
  }

  /** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}). */
  static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    try {
      return Integer.valueOf(v.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match must carry an object version such as \"3\"");
    }
  }
}
