package cn.anwang.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportSheetsTest {

  @Test
  void writesEachSheetInOrderWithItsOwnHeaderAndRows() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written =
        XlsxExport.write(
            out,
            List.of(
                new XlsxExport.Sheet(
                    "概要",
                    List.of(ColumnSpec.required("k", "项目"), ColumnSpec.required("v", "内容")),
                    List.<List<?>>of(List.of("单位", "和平区")).iterator()),
                new XlsxExport.Sheet(
                    "table",
                    List.of(
                        ColumnSpec.required("code", "code"),
                        ColumnSpec.optional("n", "n").ofType(ColumnType.NUMBER)),
                    List.<List<?>>of(List.of("0120", 2L), List.of("0121", 3.5)).iterator())));
    assertThat(written).isEqualTo(3);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(2);
      assertThat(wb.getSheetName(0)).isEqualTo("概要");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("和平区");
      assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
      assertThat(wb.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("0120");
      assertThat(wb.getSheetAt(1).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3.5);
    }
  }
}
