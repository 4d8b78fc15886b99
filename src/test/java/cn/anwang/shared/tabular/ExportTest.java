package cn.anwang.shared.tabular;

import static cn.anwang.shared.tabular.Tables.OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExportTest {

  static final List<List<?>> OBJECT_ROWS =
      List.of(
          Arrays.asList(
              "天津市滨海新区安达化工有限公司",
              "0123456789ABCDEFGH",
              "天津市滨海新区塘沽街道新港路88号",
              "企业",
              25,
              LocalDate.of(2015, 6, 1),
              117.7012345,
              39.0251234),
          Arrays.asList("和平区老王小吃店", "92120101MA06XXXXXX", null, "个体工商户", null, null, 117.2, 39.12));

  static byte[] exportObjects() {
    var out = new ByteArrayOutputStream();
    long written = XlsxExport.write(out, "监督管理对象", OBJECTS.columns(), OBJECT_ROWS.iterator());
    assertThat(written).isEqualTo(2);
    return out.toByteArray();
  }

  @Test
  void exportedWorkbookReadsBackEqual() {
    List<Row> rows = Tables.readAll(exportObjects(), "export.xlsx");

    assertThat(rows).extracting(Row::rowNumber).containsExactly(2, 3);
    assertThat(rows.get(0).values())
        .isEqualTo(
            Map.of(
                "name", "天津市滨海新区安达化工有限公司",
                "uscc", "0123456789ABCDEFGH",
                "address", "天津市滨海新区塘沽街道新港路88号",
                "kind", "企业",
                "employees", "25",
                "founded", "2015-06-01",
                "lon", "117.7012345",
                "lat", "39.0251234"));
    assertThat(rows.get(1).values())
        .isEqualTo(
            Map.of(
                "name", "和平区老王小吃店",
                "uscc", "92120101MA06XXXXXX",
                "kind", "个体工商户",
                "lon", "117.2",
                "lat", "39.12"));
  }

  @Test
  void exportHasABoldFrozenHeaderTextCodesDateCellsAndWideColumns() throws IOException {
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(exportObjects()))) {
      var sheet = workbook.getSheet("监督管理对象");
      var header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("名称");
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

      var code = sheet.getRow(1).getCell(1);
      assertThat(code.getCellType()).isEqualTo(CellType.STRING);
      assertThat(code.getCellStyle().getDataFormatString()).isEqualTo("@");
      var employees = sheet.getRow(1).getCell(4);
      assertThat(employees.getCellType()).isEqualTo(CellType.NUMERIC);
      var founded = sheet.getRow(1).getCell(5);
      assertThat(DateUtil.isCellDateFormatted(founded)).isTrue();
      assertThat(founded.getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2015, 6, 1));
      assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(4));
    }
  }

  @Test
  void templateHasHeadersInstructionsAndDropDownLists() throws IOException {
    var out = new ByteArrayOutputStream();
    ImportTemplate.write(out, "监督管理对象", OBJECTS);

    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(workbook.getSheetName(0)).isEqualTo("监督管理对象");
      assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
      var data = workbook.getSheetAt(0);
      assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("*名称");
      assertThat(data.getRow(0).getCell(2).getStringCellValue()).isEqualTo("地址");
      assertThat(data.getColumnStyle(1).getDataFormatString()).isEqualTo("@");

      var validations = data.getDataValidations();
      assertThat(validations).hasSize(1);
      assertThat(validations.get(0).getRegions().getCellRangeAddress(0).getFirstColumn())
          .isEqualTo(3);
      assertThat(validations.get(0).getValidationConstraint().getFormula1()).contains("下拉选项");
      var lists = workbook.getSheet(ImportTemplate.LISTS_SHEET);
      assertThat(workbook.isSheetHidden(workbook.getSheetIndex(lists))).isTrue();
      assertThat(lists.getRow(0).getCell(3).getStringCellValue()).isEqualTo("企业");

      var instructions = new StringBuilder();
      workbook
          .getSheetAt(1)
          .forEach(r -> r.forEach(c -> instructions.append(c.getStringCellValue()).append('|')));
      assertThat(instructions)
          .contains("统一社会信用代码|必填|")
          .contains("地址|选填|")
          .contains("成立日期|选填|日期，如 2024-03-05")
          .contains("企业、个体工商户、小商店");
    }
  }

  @Test
  void filledInTemplateReadsBackWithTheSameSpec() throws IOException {
    var template = new ByteArrayOutputStream();
    ImportTemplate.write(template, "监督管理对象", OBJECTS);
    var filled = new ByteArrayOutputStream();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
      var row = workbook.getSheetAt(0).createRow(1);
      row.createCell(0).setCellValue("甲公司");
      row.createCell(1).setCellValue("91120116MA05JXXXXX");
      row.createCell(3).setCellValue("小作坊");
      workbook.write(filled);
    }

    try (var source = Tables.open(filled.toByteArray(), "filled.xlsx")) {
      List<Row> rows = Tables.readAll(source);
      assertThat(source.sheetName()).isEqualTo("监督管理对象");
      assertThat(source.header().columns()).hasSize(OBJECTS.columns().size());
      assertThat(source.header().columns()).containsEntry("name", "*名称");
      assertThat(rows)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.rowNumber()).isEqualTo(2);
                assertThat(r.values())
                    .isEqualTo(Map.of("name", "甲公司", "uscc", "91120116MA05JXXXXX", "kind", "小作坊"));
              });
    }
  }

  @Test
  void csvExportHasAByteOrderMarkQuotesAndGuardsAgainstFormulas() {
    var out = new ByteArrayOutputStream();
    var columns = OBJECTS.columns().subList(0, 3);
    CsvExport.write(
        out,
        columns,
        List.<List<?>>of(
                List.of("安达化工, 有限公司", "0123", "天津市\n滨海新区"),
                List.of("=HYPERLINK(\"x\")", "-9112", "说\"安全\""))
            .iterator());
    byte[] bytes = out.toByteArray();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "名称,统一社会信用代码,地址\r\n"
                + "\"安达化工, 有限公司\",0123,\"天津市\n滨海新区\"\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-9112,\"说\"\"安全\"\"\"\r\n");

    List<Row> rows = Tables.readAll(bytes, "export.csv");
    assertThat(rows.get(0).values())
        .isEqualTo(Map.of("name", "安达化工, 有限公司", "uscc", "0123", "address", "天津市\n滨海新区"));
    assertThat(rows.get(1).get("address")).isEqualTo("说\"安全\"");
  }

  @Test
  void reportKeepsTheFirstProblemsAndCountsThemAll() {
    var report = new ImportReport(3);
    Header header = new Header(1, Map.of("uscc", "信用代码"), List.of(), List.of());
    for (int row = 2; row < 12; row++) {
      report.countRow();
      report.add(header.problem(row, "uscc", "校验码错误"));
      if (row % 2 == 0) {
        report.add(RowProblem.ofRow(row, "与第 2 行重复"));
      }
    }
    report.countRow();

    assertThat(report.problems()).hasSize(3);
    assertThat(report.problems().get(0)).isEqualTo(new RowProblem(2, "uscc", "信用代码", "校验码错误"));
    assertThat(report.totalProblems()).isEqualTo(15);
    assertThat(report.truncated()).isTrue();
    assertThat(report.rowsWithProblems()).isEqualTo(10);
    assertThat(report.rowsRead()).isEqualTo(11);
    assertThat(report.validRows()).isEqualTo(1);
    assertThat(report.hasProblem(5)).isTrue();
    assertThat(report.hasProblem(12)).isFalse();
  }
}
