package cn.anwang.assessment.web;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.IndicatorTables.Row;
import cn.anwang.assessment.indicator.IndicatorTables.Table;
import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.ColumnType;
import cn.anwang.shared.tabular.XlsxExport;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The indicator table as an {@code .xlsx} sheet, generated from the same table as the page, never
 * re-typed: the total first, then a row per unit; per indicator its value, numerator and
 * denominator, headed in the reader's language.
 */
@Component
class IndicatorWorkbook {

  private final IndicatorTexts texts;
  private final MessageSource messages;

  IndicatorWorkbook(IndicatorTexts texts, MessageSource messages) {
    this.texts = texts;
    this.messages = messages;
  }

  void write(Table table, OutputStream out) {
    List<ColumnSpec> columns = new ArrayList<>();
    columns.add(ColumnSpec.required("unit", text("assessment.xlsx.code")));
    columns.add(ColumnSpec.required("name", text("assessment.page.unit")));
    List<IndicatorTexts.View> views = texts.views(table.indicators());
    for (IndicatorTexts.View v : views) {
      columns.add(ColumnSpec.optional(v.code(), v.name()).ofType(ColumnType.NUMBER));
      columns.add(
          ColumnSpec.optional(v.code() + ".n", v.name() + " · " + v.numerator())
              .ofType(ColumnType.NUMBER));
      columns.add(
          ColumnSpec.optional(v.code() + ".d", v.name() + " · " + v.denominator())
              .ofType(ColumnType.NUMBER));
    }
    List<List<?>> rows = new ArrayList<>();
    rows.add(row(table.total(), text("assessment.page.total", table.name()), views));
    for (Row r : table.units()) {
      String name =
          r.unit().direct() ? text("assessment.page.direct", r.unit().name()) : r.unit().name();
      rows.add(row(r, name, views));
    }
    XlsxExport.write(out, table.division(), columns, rows.iterator());
  }

  private static List<Object> row(Row r, String name, List<IndicatorTexts.View> views) {
    List<Object> cells = new ArrayList<>();
    cells.add(r.unit().code());
    cells.add(name);
    for (IndicatorTexts.View v : views) {
      Figure f = r.figures().get(v.code());
      cells.add(f == null ? null : f.value());
      cells.add(f == null ? null : f.numerator());
      cells.add(f == null ? null : f.denominator());
    }
    return cells;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, IndicatorTexts.locale());
  }
}
