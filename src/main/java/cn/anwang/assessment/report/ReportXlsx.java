package cn.anwang.assessment.report;

import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.ColumnType;
import cn.anwang.shared.tabular.XlsxExport;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A report's blocks as an {@code .xlsx} workbook: one sheet per block, in order. */
final class ReportXlsx {

  private ReportXlsx() {}

  static byte[] write(List<ReportBlock> blocks) {
    List<XlsxExport.Sheet> sheets = new ArrayList<>();
    for (ReportBlock b : blocks) {
      List<ColumnSpec> columns = new ArrayList<>();
      for (int c = 0; c < b.columns().size(); c++) {
        ReportBlock.Column col = b.columns().get(c);
        columns.add(
            ColumnSpec.optional("c" + c, col.header())
                .ofType(col.number() ? ColumnType.NUMBER : ColumnType.TEXT));
      }
      sheets.add(new XlsxExport.Sheet(b.sheet(), columns, b.rows().iterator()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxExport.write(out, sheets);
    return out.toByteArray();
  }
}
