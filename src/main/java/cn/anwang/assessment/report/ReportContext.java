package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.IndicatorTables.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What a report is generated from, computed once and handed to every {@link ReportSection}.
 *
 * @param today the day of generation in Beijing (a period still running is counted up to it)
 * @param generatedBy the user who asked for it, null when the scheduler generated it
 * @param table the unit's indicator table over the period
 * @param previous the same table over the period before (MONTHLY only; null for ANNUAL)
 */
public record ReportContext(
    ReportKind kind,
    ReportPeriod period,
    String unitCode,
    String unitName,
    Locale locale,
    LocalDate today,
    Instant generatedAt,
    String generatedBy,
    Table table,
    Table previous) {}
