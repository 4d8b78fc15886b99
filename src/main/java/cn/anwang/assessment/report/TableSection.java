package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.IndicatorTables.Row;
import cn.anwang.assessment.indicator.IndicatorTables.Table;
import cn.anwang.assessment.report.ReportBlock.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The indicator table: the unit's total, then each unit below it, one line per indicator with its
 * value, numerator and denominator; a MONTHLY report adds the previous month's value and the
 * change. An indicator not computed at a unit's level has no line.
 */
@Component
class TableSection implements ReportSection {

  private final ReportTexts texts;

  TableSection(ReportTexts texts) {
    this.texts = texts;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public boolean appliesTo(ReportKind kind) {
    return true;
  }

  @Override
  public ReportBlock render(ReportContext c) {
    Locale l = c.locale();
    boolean compare = c.previous() != null;
    List<Column> columns = new ArrayList<>();
    columns.add(Column.text(t(l, "column.unitCode"), 0));
    columns.add(Column.text(t(l, "column.unit"), 1.5f));
    columns.add(Column.text(t(l, "column.indicatorCode"), 0));
    columns.add(Column.text(t(l, "column.indicator"), 1.7f));
    columns.add(Column.number(t(l, "column.value"), 0.65f));
    columns.add(Column.number(t(l, "column.numerator"), 0.6f));
    columns.add(Column.number(t(l, "column.denominator"), 0.6f));
    if (compare) {
      columns.add(Column.number(t(l, "column.previous"), 0.65f));
      columns.add(Column.number(t(l, "column.change"), 0.65f));
    }
    Map<String, Row> before = new HashMap<>();
    if (compare) {
      before.put(c.previous().total().unit().code(), c.previous().total());
      c.previous().units().forEach(r -> before.put(key(r), r));
    }
    Table table = c.table();
    List<List<Object>> rows = new ArrayList<>();
    add(rows, table, table.total(), t(l, "total", table.name()), before, compare, l);
    for (Row r : table.units()) {
      String name = r.unit().direct() ? t(l, "direct", r.unit().name()) : r.unit().name();
      add(rows, table, r, name, before, compare, l);
    }
    String sheet = t(l, "sheet.table");
    String note = compare ? t(l, "table.compared", c.period().previous().label()) : null;
    return new ReportBlock(sheet, sheet, note, columns, rows);
  }

  private void add(
      List<List<Object>> rows,
      Table table,
      Row row,
      String name,
      Map<String, Row> before,
      boolean compare,
      Locale l) {
    Row previous = before.get(row == table.total() ? row.unit().code() : key(row));
    for (Indicator i : table.indicators()) {
      Figure f = row.figures().get(i.code());
      if (f == null) {
        continue;
      }
      List<Object> cells = new ArrayList<>();
      cells.add(row.unit().code());
      cells.add(name);
      cells.add(i.code());
      cells.add(texts.indicator(i, "name", l));
      cells.add(f.value());
      cells.add(f.numerator());
      cells.add(f.denominator());
      if (compare) {
        Figure p = previous == null ? null : previous.figures().get(i.code());
        cells.add(ReportTexts.value(p));
        cells.add(ReportTexts.change(f, p));
      }
      rows.add(cells);
    }
  }

  /** A row's unit; the division's own records ("direct") share its code with the total. */
  private static String key(Row r) {
    return (r.unit().direct() ? "direct:" : "") + r.unit().code();
  }

  private String t(Locale l, String key, Object... args) {
    return texts.text(l, "assessment.report." + key, args);
  }
}
