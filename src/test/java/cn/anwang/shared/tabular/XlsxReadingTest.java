package cn.anwang.shared.tabular;

import static cn.anwang.shared.tabular.Tables.OBJECTS;
import static cn.anwang.shared.tabular.Tables.fill;
import static cn.anwang.shared.tabular.Tables.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

class XlsxReadingTest {

  static final String[] HEADER = {"名称", "统一社会信用代码", "地址"};

  @Test
  void readsTheFirstSheetAndIsNotConfusedByAnExtraSheet() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              fill(
                  wb.createSheet("对象"),
                  0,
                  HEADER,
                  new String[] {"甲公司", "91120116MA05JXXXXX", "和平区"});
              fill(
                  wb.createSheet("说明"),
                  0,
                  new String[] {"名称", "统一社会信用代码"},
                  new String[] {"不是数据", "也不是"});
            });
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      List<Row> rows = readAll(source);
      assertThat(source.format()).isEqualTo(TabularSource.Format.XLSX);
      assertThat(source.sheetName()).isEqualTo("对象");
      assertThat(source.encoding()).isNull();
      assertThat(rows).singleElement().extracting(r -> r.get("name")).isEqualTo("甲公司");
    }
  }

  @Test
  void readsTheFirstSheetWithAHeaderWhenAnInstructionsSheetComesFirst() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              fill(wb.createSheet("填表说明"), 0, new String[] {"请按模板填写，带 * 的列必填"});
              wb.createSheet("空白");
              fill(wb.createSheet("对象"), 1, HEADER, new String[] {"丙公司", "9112", "西青区"});
            });
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      assertThat(source.sheetName()).isEqualTo("对象");
      assertThat(source.warnings()).singleElement().asString().contains("填表说明", "对象");
      assertThat(readAll(source)).singleElement().extracting(r -> r.rowNumber()).isEqualTo(3);
    }

    byte[] none =
        Tables.workbook(
            wb -> {
              fill(wb.createSheet("填表说明"), 0, new String[] {"请按模板填写"});
              fill(wb.createSheet("备注"), 0, new String[] {"无"});
            });
    assertThatThrownBy(() -> Tables.open(none, "objects.xlsx"))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.HEADER_NOT_FOUND));
  }

  @Test
  void readsTheSheetTheCallerNames() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              fill(wb.createSheet("填写说明"), 0, new String[] {"列名", "说明"}, new String[] {"名称", "必填"});
              fill(wb.createSheet("对象"), 0, HEADER, new String[] {"乙公司", "9112", null});
            });
    try (var source =
        TabularReader.open(new ByteArrayInputStream(bytes), "o.xlsx", OBJECTS.inSheet("对象"))) {
      assertThat(readAll(source)).singleElement().extracting(r -> r.get("name")).isEqualTo("乙公司");
    }
    assertThatThrownBy(
            () ->
                TabularReader.open(
                    new ByteArrayInputStream(bytes), "o.xlsx", OBJECTS.inSheet("企业")))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.SHEET_NOT_FOUND))
        .hasMessageContaining("企业")
        .hasMessageContaining("填写说明、对象");
  }

  @Test
  void skipsATitleRowMergedAcrossTheTable() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              var sheet = wb.createSheet("清单");
              fill(
                  sheet,
                  0,
                  new String[] {"天津市和平区监督管理对象清单（2024年）"},
                  HEADER,
                  new String[] {"甲公司", "91120116MA05JXXXXX", "和平区南京路1号"});
              sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            });
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      List<Row> rows = readAll(source);
      assertThat(source.header().rowNumber()).isEqualTo(2);
      assertThat(source.header().unknownColumns()).isEmpty();
      assertThat(rows)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.rowNumber()).isEqualTo(3);
                assertThat(r.get("address")).isEqualTo("和平区南京路1号");
              });
    }
  }

  @Test
  void readsATwoRowHeaderWithMergedCellsWithoutShiftingColumns() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              var sheet = wb.createSheet("对象");
              fill(
                  sheet,
                  0,
                  new String[] {"序号", "基本信息", null, "地址", "位置", null},
                  new String[] {null, "单位名称", "信用代码", null, "经度", "纬度"},
                  new String[] {"1", "甲公司", "91120116MA05JXXXXX", "河西区友谊路2号", "117.21", "39.11"});
              sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
              sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
              sheet.addMergedRegion(new CellRangeAddress(0, 1, 3, 3));
              sheet.addMergedRegion(new CellRangeAddress(0, 0, 4, 5));
            });
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      List<Row> rows = readAll(source);
      assertThat(source.header().rowNumber()).isEqualTo(2);
      assertThat(source.header().columns())
          .containsEntry("name", "单位名称")
          .containsEntry("uscc", "信用代码")
          .containsEntry("address", "地址")
          .containsEntry("lon", "经度")
          .containsEntry("lat", "纬度");
      assertThat(source.header().unknownColumns()).containsExactly("序号");
      assertThat(rows.get(0).rowNumber()).isEqualTo(3);
      assertThat(rows.get(0).values())
          .containsEntry("name", "甲公司")
          .containsEntry("uscc", "91120116MA05JXXXXX")
          .containsEntry("address", "河西区友谊路2号")
          .containsEntry("lon", "117.21")
          .containsEntry("lat", "39.11");
    }
  }

  @Test
  void keepsCodesAsTextAndFormatsNumbersDatesAndBooleansAsTheUserMeansThem() {
    var spec =
        TableSpec.of(
            ColumnSpec.required("code", "代码"),
            ColumnSpec.optional("number", "数字"),
            ColumnSpec.optional("date", "日期"),
            ColumnSpec.optional("flag", "是否"));
    byte[] bytes =
        Tables.workbook(
            wb -> {
              var sheet = wb.createSheet("s");
              fill(sheet, 0, new String[] {"代码", "数字", "日期", "是否"});
              var format = wb.createDataFormat();
              var isoDate = wb.createCellStyle();
              isoDate.setDataFormat((short) 14);
              var chineseDate = wb.createCellStyle();
              chineseDate.setDataFormat(format.getFormat("yyyy\"年\"m\"月\"d\"日\""));
              var dateTime = wb.createCellStyle();
              dateTime.setDataFormat(format.getFormat("yyyy/m/d h:mm"));
              var zeroPadded = wb.createCellStyle();
              zeroPadded.setDataFormat(format.getFormat("000000"));

              var r1 = sheet.createRow(1);
              r1.createCell(0).setCellValue("0123");
              r1.createCell(1).setCellValue(10_000_000d);
              var d1 = r1.createCell(2);
              d1.setCellValue(LocalDate.of(2024, 3, 5));
              d1.setCellStyle(isoDate);
              r1.createCell(3).setCellValue(true);

              var r2 = sheet.createRow(2);
              r2.createCell(0).setCellValue(12345678901d);
              r2.createCell(1).setCellValue(123.0);
              var d2 = r2.createCell(2);
              d2.setCellValue(LocalDate.of(2023, 12, 31));
              d2.setCellStyle(chineseDate);
              r2.createCell(3).setCellValue(false);

              var r3 = sheet.createRow(3);
              var padded = r3.createCell(0);
              padded.setCellValue(123);
              padded.setCellStyle(zeroPadded);
              r3.createCell(1).setCellValue(117.2012345);
              var d3 = r3.createCell(2);
              d3.setCellValue(LocalDateTime.of(2024, 1, 2, 8, 30));
              d3.setCellStyle(dateTime);

              var r4 = sheet.createRow(4);
              r4.createCell(0).setCellValue("91120116MA05JXXXXX");
              r4.createCell(1).setCellValue(0.1 + 0.2);
              var d4 = r4.createCell(2);
              d4.setCellValue(LocalDate.of(2022, 8, 1));
              var builtinChineseDate = wb.createCellStyle();
              builtinChineseDate.setDataFormat((short) 31);
              d4.setCellStyle(builtinChineseDate);
            });
    try (var source = TabularReader.open(new ByteArrayInputStream(bytes), "t.xlsx", spec)) {
      List<Row> rows = readAll(source);
      assertThat(rows.get(0).values())
          .containsEntry("code", "0123")
          .containsEntry("number", "10000000")
          .containsEntry("date", "2024-03-05")
          .containsEntry("flag", "TRUE");
      assertThat(rows.get(1).values())
          .containsEntry("code", "12345678901")
          .containsEntry("number", "123")
          .containsEntry("date", "2023-12-31")
          .containsEntry("flag", "FALSE");
      assertThat(rows.get(2).values())
          .containsEntry("code", "000123")
          .containsEntry("number", "117.2012345")
          .containsEntry("date", "2024-01-02 08:30:00");
      assertThat(rows.get(3).values())
          .containsEntry("code", "91120116MA05JXXXXX")
          .containsEntry("number", "0.3")
          .containsEntry("date", "2022-08-01");
    }
  }

  @Test
  void skipsEmptyRowsBlankCellsAndTrailingEmptyColumnsKeepingExcelRowNumbers() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              var sheet = wb.createSheet("对象");
              fill(
                  sheet,
                  0,
                  new String[] {"名称", "统一社会信用代码", "地址", null, ""},
                  new String[] {"甲公司", "9112", "", "", ""},
                  new String[] {"", " ", null},
                  new String[] {"乙公司", "9113", "  河东区  "});
              // rows 5 and 6 are absent from the sheet, row 7 holds only styled blank cells
              var styled = sheet.createRow(6);
              styled.createCell(0).setCellStyle(wb.createCellStyle());
              styled.createCell(8).setBlank();
              fill(sheet, 7, new String[] {"丙公司", "9114", null, null, null, null, null, ""});
              fill(sheet, 20, new String[] {"", ""});
            });
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      List<Row> rows = readAll(source);
      assertThat(rows).extracting(Row::rowNumber).containsExactly(2, 4, 8);
      assertThat(rows.get(0).isBlank("address")).isTrue();
      assertThat(rows.get(1).get("address")).isEqualTo("河东区");
      assertThat(source.emptyRowsSkipped()).isEqualTo(4);
      assertThat(source.header().unknownColumns()).isEmpty();
    }
  }

  @Test
  void readsSharedAndRichTextStringsAsPlainText() {
    byte[] bytes =
        Tables.workbook(
            wb -> {
              var sheet = wb.createSheet("对象");
              fill(sheet, 0, HEADER);
              var rich = new org.apache.poi.xssf.usermodel.XSSFRichTextString("天津安达化工有限公司");
              var bold = wb.createFont();
              bold.setBold(true);
              rich.applyFont(2, 4, bold);
              var row = sheet.createRow(1);
              row.createCell(0).setCellValue(rich);
              row.createCell(1).setCellValue("9112");
              row.createCell(2).setCellValue("名称");
              fill(sheet, 2, new String[] {"名称", "9112", "统一社会信用代码"});
            });
    List<Row> rows = readAll(bytes, "objects.xlsx");
    assertThat(rows.get(0).values())
        .containsEntry("name", "天津安达化工有限公司")
        .containsEntry("address", "名称");
    assertThat(rows.get(1).values())
        .containsEntry("name", "名称")
        .containsEntry("address", "统一社会信用代码");
  }

  @Test
  void passesTheHandlersOwnExceptionThroughUnchanged() {
    byte[] bytes =
        Tables.workbook(
            wb -> fill(wb.createSheet("对象"), 0, HEADER, new String[] {"甲公司", "9112", "和平区"}));
    var stop = new IllegalStateException("enough");
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      assertThatThrownBy(
              () ->
                  source.forEach(
                      row -> {
                        throw stop;
                      }))
          .isSameAs(stop);
    }
  }

  @Test
  void reportsAMissingRequiredColumnOfAWorkbookByName() {
    byte[] bytes =
        Tables.workbook(
            wb ->
                fill(
                    wb.createSheet("对象"),
                    0,
                    new String[] {"地址", "单位名称"},
                    new String[] {"和平区", "甲"}));
    assertThatThrownBy(() -> Tables.open(bytes, "objects.xlsx"))
        .isInstanceOfSatisfying(
            TabularException.class, e -> assertThat(e.columns()).containsExactly("统一社会信用代码"))
        .hasMessage("表头（第 1 行）缺少必填列：统一社会信用代码。");
  }

  @Test
  void readsTwentyThousandRowsOfAWorkbook() {
    var out = new java.io.ByteArrayOutputStream();
    var rows =
        java.util.stream.IntStream.range(0, 20_000)
            .mapToObj(
                i ->
                    (List<?>)
                        java.util.Arrays.asList(
                            "天津市某某有限公司" + i,
                            "91120116MA05J" + String.format("%05d", i),
                            "河西区" + i + "号"))
            .iterator();
    XlsxExport.write(out, "对象", OBJECTS.columns().subList(0, 3), rows);
    int[] count = {0};
    int[] last = {0};
    try (var source = Tables.open(out.toByteArray(), "big.xlsx")) {
      source.forEach(
          row -> {
            count[0]++;
            last[0] = row.rowNumber();
          });
    }
    assertThat(count[0]).isEqualTo(20_000);
    assertThat(last[0]).isEqualTo(20_001);
  }
}
