package cn.anwang.assessment.report;

import cn.anwang.identity.Actor;
import cn.anwang.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The generated reports: {@code POST /api/v1/assessment-reports} generates one on demand, {@code
 * GET /api/v1/assessment-reports?unit=&kind=} lists those of the caller's territory, {@code GET
 * /api/v1/assessment-reports/{id}.xlsx|.pdf} downloads a file as generated. Scope as in {@link
 * ReportRequests}; generation and downloads are audited.
 */
@RestController
@Tag(name = "Assessment")
class AssessmentReportApiController {

  /** A generation request. */
  record GenerateRequest(String kind, String unit, String period, String lang) {}

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ReportRequests requests;
  private final ReportGenerator generator;
  private final ReportDownloads downloads;

  AssessmentReportApiController(
      ReportRequests requests, ReportGenerator generator, ReportDownloads downloads) {
    this.requests = requests;
    this.generator = generator;
    this.downloads = downloads;
  }

  @PostMapping("/api/v1/assessment-reports")
  @Operation(
      summary = "Generates a unit's MONTHLY or ANNUAL report (XLSX and PDF) as a new version")
  ResponseEntity<StoredReport> generate(@RequestBody(required = false) GenerateRequest body) {
    GenerateRequest b = body == null ? new GenerateRequest(null, null, null, null) : body;
    ReportRequests.Checked c = requests.generation(b.kind(), b.unit(), b.period(), b.lang());
    StoredReport r =
        generator
            .generate(c.kind(), c.unit(), c.period(), c.lang(), c.actor().username())
            .orElseThrow(() -> ApiProblems.conflict("A report was generated at the same moment"));
    return ResponseEntity.status(HttpStatus.CREATED).body(r);
  }

  @GetMapping("/api/v1/assessment-reports")
  @Operation(summary = "The generated reports of the caller's territory, newest first")
  List<StoredReport> list(
      @RequestParam(required = false) String unit, @RequestParam(required = false) String kind) {
    Actor actor = requests.reader();
    return generator.list(
        actor.scope().territoryCode(),
        requests.listUnit(actor, unit),
        requests.listKind(kind),
        500);
  }

  @GetMapping("/api/v1/assessment-reports/{id}.xlsx")
  @Operation(summary = "A generated report's Excel workbook")
  ResponseEntity<byte[]> xlsx(@PathVariable long id) {
    return downloads.download(id, "xlsx");
  }

  @GetMapping("/api/v1/assessment-reports/{id}.pdf")
  @Operation(summary = "A generated report's PDF")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    return downloads.download(id, "pdf");
  }
}
