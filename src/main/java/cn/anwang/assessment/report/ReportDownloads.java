package cn.anwang.assessment.report;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A stored report's file as a download, for the API and the page alike: checked in the caller's
 * scope, audited ({@code assessment.report.download}), named in UTF-8 (RFC 6266 {@code filename*}),
 * e.g. {@code 和平区-2026-03-月报-v1.pdf}.
 */
@Component
class ReportDownloads {

  private final ReportRequests requests;
  private final ReportGenerator generator;
  private final AuditLog audit;
  private final MessageSource messages;

  ReportDownloads(
      ReportRequests requests, ReportGenerator generator, AuditLog audit, MessageSource messages) {
    this.requests = requests;
    this.generator = generator;
    this.audit = audit;
    this.messages = messages;
  }

  ResponseEntity<byte[]> download(long id, String format) {
    Actor actor = requests.reader();
    StoredReport r = requests.report(actor, id);
    byte[] bytes = generator.file(id, format);
    audit.record(
        "assessment.report.download",
        "assessment-report",
        Long.toString(id),
        r.unitCode(),
        null,
        Map.of("format", format, "kind", r.kind().name(), "period", r.period()));
    Locale l = ReportGenerator.LANGUAGES.get(r.lang());
    String kindName = messages.getMessage("assessment.report.kind." + r.kind(), null, l);
    ContentDisposition disposition =
        ContentDisposition.attachment()
            .filename(r.fileName(kindName, format), StandardCharsets.UTF_8)
            .build();
    return ResponseEntity.ok()
        .contentType(
            "pdf".equals(format)
                ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType(AssessmentReportApiController.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .body(bytes);
  }
}
