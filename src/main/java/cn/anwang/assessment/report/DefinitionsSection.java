package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.report.ReportBlock.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** 指标定义 / definitions: each indicator of the report with its formula and definition. */
@Component
class DefinitionsSection implements ReportSection {

  private final ReportTexts texts;

  DefinitionsSection(ReportTexts texts) {
    this.texts = texts;
  }

  @Override
  public int order() {
    return 900;
  }

  @Override
  public boolean appliesTo(ReportKind kind) {
    return true;
  }

  @Override
  public ReportBlock render(ReportContext c) {
    Locale l = c.locale();
    List<Column> columns =
        List.of(
            Column.text(t(l, "column.indicatorCode"), 0),
            Column.text(t(l, "column.indicator"), 1.1f),
            Column.text(t(l, "column.formula"), 1.8f),
            Column.text(t(l, "column.definition"), 2.6f),
            Column.text(t(l, "column.better"), 0));
    List<List<Object>> rows = new ArrayList<>();
    for (Indicator i : c.table().indicators()) {
      rows.add(
          List.of(
              i.code(),
              texts.indicator(i, "name", l),
              texts.formula(i, l),
              texts.indicator(i, "definition", l),
              t(l, "better." + i.better())));
    }
    String sheet = t(l, "sheet.definitions");
    return new ReportBlock(sheet, sheet, null, columns, rows);
  }

  private String t(Locale l, String key, Object... args) {
    return texts.text(l, "assessment.report." + key, args);
  }
}
