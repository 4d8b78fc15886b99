package cn.anwang.assessment.report;

import cn.anwang.assessment.report.ReportBlock.Column;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** 概要 / summary: what the report is, of which unit and period, and when it was generated. */
@Component
class SummarySection implements ReportSection {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.CHINA);

  private final ReportTexts texts;

  SummarySection(ReportTexts texts) {
    this.texts = texts;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public boolean appliesTo(ReportKind kind) {
    return true;
  }

  @Override
  public ReportBlock render(ReportContext c) {
    Locale l = c.locale();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row(t(l, "summary.report"), t(l, "title." + c.kind())));
    rows.add(row(t(l, "summary.unit"), c.unitName()));
    rows.add(row(t(l, "summary.unitCode"), c.unitCode()));
    rows.add(row(t(l, "summary.period"), c.period().label()));
    rows.add(
        row(
            t(l, "summary.counted"),
            t(l, "summary.countedValue", c.period().first(), c.period().last(c.today()))));
    rows.add(row(t(l, "summary.generatedAt"), TIME.format(c.generatedAt())));
    rows.add(
        row(
            t(l, "summary.generatedBy"),
            c.generatedBy() == null ? t(l, "summary.scheduler") : c.generatedBy()));
    rows.add(row(t(l, "summary.units"), c.table().units().size()));
    rows.add(row(t(l, "summary.source"), t(l, "summary.sourceValue")));
    return new ReportBlock(
        t(l, "sheet.summary"),
        t(l, "sheet.summary"),
        null,
        List.of(Column.text(t(l, "summary.item"), 1), Column.text(t(l, "summary.value"), 3)),
        rows);
  }

  private static List<Object> row(String label, Object value) {
    return List.of(label, value);
  }

  private String t(Locale l, String key, Object... args) {
    return texts.text(l, "assessment.report." + key, args);
  }
}
