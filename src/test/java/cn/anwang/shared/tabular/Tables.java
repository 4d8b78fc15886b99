package cn.anwang.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test files built in memory: an object table spec, workbooks made with POI, CSV bytes. */
final class Tables {

  static final TableSpec OBJECTS =
      TableSpec.of(
          ColumnSpec.required("name", "名称", "企业名称", "单位名称"),
          ColumnSpec.required("uscc", "统一社会信用代码", "信用代码", "USCC"),
          ColumnSpec.optional("address", "地址", "详细地址"),
          ColumnSpec.optional("kind", "对象类型")
              .allowing(List.of("企业", "个体工商户", "小商店", "小作坊", "小娱乐场所", "家庭", "其他")),
          ColumnSpec.optional("employees", "从业人数").ofType(ColumnType.NUMBER),
          ColumnSpec.optional("founded", "成立日期").ofType(ColumnType.DATE),
          ColumnSpec.optional("lon", "经度").ofType(ColumnType.NUMBER),
          ColumnSpec.optional("lat", "纬度").ofType(ColumnType.NUMBER));

  private Tables() {}

  static byte[] workbook(Consumer<XSSFWorkbook> content) {
    try (var workbook = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      content.accept(workbook);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes rows of strings (null leaves the cell out) from the given row index. */
  static void fill(Sheet sheet, int firstRow, String[]... rows) {
    for (int r = 0; r < rows.length; r++) {
      var row = sheet.createRow(firstRow + r);
      for (int c = 0; c < rows[r].length; c++) {
        if (rows[r][c] != null) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
    }
  }

  static byte[] csv(String text, Charset charset) {
    return text.getBytes(charset);
  }

  static TabularSource open(byte[] bytes, String name) {
    return TabularReader.open(new ByteArrayInputStream(bytes), name, OBJECTS);
  }

  static List<Row> readAll(byte[] bytes, String name) {
    try (TabularSource source = open(bytes, name)) {
      return readAll(source);
    }
  }

  static List<Row> readAll(TabularSource source) {
    var rows = new ArrayList<Row>();
    source.forEach(rows::add);
    return rows;
  }
}
