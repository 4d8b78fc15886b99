package cn.anwang.area.grid;

import cn.anwang.shared.web.ApiLocale;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * Grids over HTTP: GeoJSON in ({@code POST /import}) and out (a Feature per grid, a
 * FeatureCollection per division subtree), attribute edits, deletion, and the quality report.
 * Reasons and warnings are in the request's language ({@link ApiLocale}: English unless {@code
 * Accept-Language} asks for Chinese).
 */
@RestController
@RequestMapping("/api/v1/grids")
class GridApiController {

  static final String GEO_JSON = "application/geo+json";

  private final GridService grids;
  private final QualityReportService quality;
  private final GridsProperties properties;
  private final GridGeoJson geoJson;
  private final MessageSource messages;

  GridApiController(
      GridService grids,
      QualityReportService quality,
      GridsProperties properties,
      GridGeoJson geoJson,
      MessageSource messages) {
    this.grids = grids;
    this.quality = quality;
    this.properties = properties;
    this.geoJson = geoJson;
    this.messages = messages;
  }

  @Operation(
      summary = "Import grids from a GeoJSON FeatureCollection, all or nothing",
      description =
          "200 with the report when every feature is accepted (and, unless dryRun, written);"
              + " 422 with the same report as plain JSON when any feature is rejected (nothing is"
              + " written); 400 problem+json when the body is not a FeatureCollection; 413"
              + " problem+json above anwang.grids.import-max-bytes. Feature indexes are 0-based."
              + " Reasons and warnings are in English unless Accept-Language prefers Chinese"
              + " (zh-CN).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description =
                  "A GeoJSON FeatureCollection; each feature's properties: code, name,"
                      + " divisionCode, optional type (REGULAR, INDUSTRIAL_CLUSTER,"
                      + " COMMERCIAL_CLUSTER) and externalId",
              content = {
                @Content(mediaType = GEO_JSON),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE)
              }))
  @PostMapping(
      path = "/import",
      consumes = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ImportReport.Localized> importGrids(
      @Parameter(description = "report only, write nothing") @RequestParam(defaultValue = "false")
          boolean dryRun,
      @Parameter(description = "repair invalid geometry and warn instead of rejecting")
          @RequestParam(defaultValue = "false")
          boolean repair,
      HttpServletRequest request)
      throws IOException {
    long limit = properties.importMaxBytes().toBytes();
    if (request.getContentLengthLong() > limit) {
      throw ImportTooLarge.overLimit(limit);
    }
    byte[] body = LimitedBodyReader.readAll(request.getInputStream(), limit);
    ImportReport report = grids.importGrids(body, dryRun, repair);
    return ResponseEntity.status(
            report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_JSON)
        .body(report.in(messages, ApiLocale.of(request)));
  }

  @Operation(summary = "A grid as a GeoJSON Feature; its ETag is its version")
  @GetMapping(
      path = "/{code}",
      produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> grid(@PathVariable String code) {
    return feature(grids.find(code));
  }

  @Operation(
      summary = "Export the grids of a division subtree as a FeatureCollection",
      description = "Without division, the caller's territory. The result can be imported as is.")
  @GetMapping(produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> export(@RequestParam(required = false) String division) {
    return ResponseEntity.ok()
        .contentType(GridGeoJson.GEO_JSON)
        .body(geoJson.collection(grids.export(division)));
  }

  @Operation(
      summary = "Edit a grid's name, type, division or external id",
      description =
          "Send the version you read in the body (409 when stale) or as If-Match (412 when"
              + " stale). 422 problem when a rule is broken (e.g. a district as division). The"
              + " answer is the updated Feature with a foreign member warnings: [{code, message}],"
              + " the warnings an import of the grid would give now (overlaps, outside its"
              + " district); empty when there are none.")
  @PatchMapping(
      path = "/{code}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"},
      produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> update(
      @PathVariable String code,
      @Valid @RequestBody GridChanges changes,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      HttpServletRequest request) {
    GridService.Edited edited = grids.update(code, changes, version(ifMatch));
    Locale locale = ApiLocale.of(request);
    List<GridGeoJson.Warning> warnings =
        edited.warnings().stream()
            .map(w -> new GridGeoJson.Warning(w.code(), w.message().in(messages, locale)))
            .toList();
    GridRow grid = edited.grid();
    return ResponseEntity.ok()
        .contentType(GridGeoJson.GEO_JSON)
        .eTag("\"" + grid.version() + "\"")
        .body(geoJson.feature(grid, warnings));
  }

  @Operation(summary = "Delete a grid")
  @DeleteMapping("/{code}")
  ResponseEntity<Void> delete(
      @PathVariable String code,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    grids.delete(code, version(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Quality report of a street or district: overlaps, gaps, invalid grids, officers")
  @GetMapping(path = "/quality", produces = MediaType.APPLICATION_JSON_VALUE)
  QualityReport quality(
      @RequestParam(required = false) String division, HttpServletRequest request) {
    return quality.report(division, ApiLocale.of(request));
  }

  private ResponseEntity<byte[]> feature(GridRow grid) {
    return ResponseEntity.ok()
        .contentType(GridGeoJson.GEO_JSON)
        .eTag("\"" + grid.version() + "\"")
        .body(geoJson.feature(grid));
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
    v = v.replace("\"", "");
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match must carry a grid version such as \"3\"");
    }
  }
}
