package cn.anwang.assessment.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One generation of a report, as stored.
 *
 * @param version 1 for the first generation of the kind, unit, period and language, then 2, 3 …
 * @param generatedBy the user who asked for it; null when the scheduler generated it
 */
public record StoredReport(
    long id,
    ReportKind kind,
    String unitCode,
    String unitName,
    String period,
    LocalDate periodFirst,
    LocalDate periodLast,
    String lang,
    int version,
    String status,
    Instant generatedAt,
    String generatedBy,
    String xlsxSha256,
    long xlsxSize,
    String pdfSha256,
    long pdfSize) {

  /** The file name of a download, e.g. {@code 和平区-2026-03-月报-v1.pdf}. */
  public String fileName(String kindName, String format) {
    return unitName + "-" + period + "-" + kindName + "-v" + version + "." + format;
  }
}
