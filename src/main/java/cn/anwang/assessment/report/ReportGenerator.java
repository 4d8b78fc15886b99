package cn.anwang.assessment.report;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.Table;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Generates a unit's report from the indicator tables (never from a typed-in figure), renders its
 * sections to XLSX and PDF, and stores both as the next version. Unscoped: the web layer checks the
 * caller's scope, the scheduler covers what it is configured for.
 */
@Service
public class ReportGenerator {

  /** The report languages: the default zh-CN, and en on request. */
  public static final Map<String, Locale> LANGUAGES =
      Map.of("zh-CN", Locale.SIMPLIFIED_CHINESE, "en", Locale.ENGLISH);

  private final IndicatorTables tables;
  private final Divisions divisions;
  private final List<ReportSection> sections;
  private final ReportPdf pdf;
  private final ReportStore store;
  private final AuditLog audit;
  private final Clock clock;

  ReportGenerator(
      IndicatorTables tables,
      Divisions divisions,
      List<ReportSection> sections,
      ReportPdf pdf,
      ReportStore store,
      AuditLog audit,
      Optional<Clock> clock) {
    this.tables = tables;
    this.divisions = divisions;
    this.sections =
        sections.stream().sorted(Comparator.comparingInt(ReportSection::order)).toList();
    this.pdf = pdf;
    this.store = store;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * Generates and stores a new version of a report.
   *
   * @param unit the city, a district or a street (existing)
   * @param lang a key of {@link #LANGUAGES}
   * @param generatedBy the user asking; null for the scheduler, whose generation of a report it has
   *     already stored is skipped (answers empty)
   */
  public Optional<StoredReport> generate(
      ReportKind kind, String unit, ReportPeriod period, String lang, String generatedBy) {
    Division d = divisions.find(unit).orElseThrow();
    Locale locale = LANGUAGES.get(lang);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.CHINA);
    Level rows = Level.ofCode(unit).below();
    Table table = tables.table(unit, null, rows, period.from(), period.to(today), now);
    Table previous = null;
    if (kind == ReportKind.MONTHLY) {
      ReportPeriod p = period.previous();
      previous = tables.table(unit, null, rows, p.from(), p.to(today), now);
    }
    ReportContext context =
        new ReportContext(
            kind, period, unit, d.name(), locale, today, now, generatedBy, table, previous);
    List<ReportBlock> blocks = new ArrayList<>();
    for (ReportSection s : sections) {
      if (s.appliesTo(kind)) {
        blocks.add(s.render(context));
      }
    }
    byte[] xlsx = ReportXlsx.write(blocks);
    byte[] pdfBytes = pdf.write(context, blocks);
    Optional<StoredReport> stored =
        store.insert(new ReportStore.Generated(context, lang, xlsx, pdfBytes));
    stored.ifPresent(
        r ->
            audit.record(
                "assessment.report.generate",
                "assessment-report",
                Long.toString(r.id()),
                unit,
                null,
                Map.of(
                    "kind", kind.name(),
                    "unit", unit,
                    "period", period.label(),
                    "lang", lang,
                    "version", r.version(),
                    "pdfSha256", r.pdfSha256(),
                    "xlsxSha256", r.xlsxSha256())));
    return stored;
  }

  /** Whether the scheduler has stored this report already (it is then not generated again). */
  public boolean scheduledAlready(ReportKind kind, String unit, ReportPeriod period, String lang) {
    return store.scheduled(kind, unit, period.label(), lang);
  }

  public Optional<StoredReport> find(long id) {
    return store.find(id);
  }

  public List<StoredReport> list(String territory, String unit, ReportKind kind, int limit) {
    return store.list(territory, unit, kind, limit);
  }

  /** A stored report's file, {@code xlsx} or {@code pdf}, as generated. */
  public byte[] file(long id, String format) {
    return store.file(id, format);
  }
}
