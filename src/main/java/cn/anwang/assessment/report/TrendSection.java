package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.MonthFigure;
import cn.anwang.assessment.report.ReportBlock.Column;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * ANNUAL only: each indicator of the unit month by month through the year (the trend of the
 * indicator page, {@link IndicatorTables#trend}); indicators judged now have no history and no
 * line.
 */
@Component
class TrendSection implements ReportSection {

  private final IndicatorTables tables;
  private final ReportTexts texts;

  TrendSection(IndicatorTables tables, ReportTexts texts) {
    this.tables = tables;
    this.texts = texts;
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public boolean appliesTo(ReportKind kind) {
    return kind == ReportKind.ANNUAL;
  }

  @Override
  public ReportBlock render(ReportContext c) {
    Locale l = c.locale();
    int year = c.period().first().getYear();
    List<Column> columns = new ArrayList<>();
    columns.add(Column.text(t(l, "column.indicatorCode"), 0));
    columns.add(Column.text(t(l, "column.indicator"), 2.2f));
    for (Month m : Month.values()) {
      columns.add(Column.number(m.getDisplayName(TextStyle.SHORT, l), 0.6f));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Indicator i : c.table().indicators()) {
      if (i.current()) {
        continue;
      }
      List<Object> cells = new ArrayList<>();
      cells.add(i.code());
      cells.add(texts.indicator(i, "name", l));
      for (MonthFigure m : tables.trend(i.code(), c.unitCode(), null, year, c.generatedAt())) {
        cells.add(ReportTexts.value(m.figure()));
      }
      rows.add(cells);
    }
    String sheet = t(l, "sheet.trend");
    return new ReportBlock(sheet, sheet, t(l, "trend.note", Integer.toString(year)), columns, rows);
  }

  private String t(Locale l, String key, Object... args) {
    return texts.text(l, "assessment.report." + key, args);
  }
}
