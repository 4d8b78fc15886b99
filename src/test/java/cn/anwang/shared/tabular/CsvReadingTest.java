package cn.anwang.shared.tabular;

import static cn.anwang.shared.tabular.Tables.OBJECTS;
import static cn.anwang.shared.tabular.Tables.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadingTest {

  static final Charset GBK = Charset.forName("GBK");

  static final String SAMPLE =
      "名称,统一社会信用代码,地址\r\n"
          + "天津市滨海新区安达化工有限公司,91120116MA05JXXXXX,天津市滨海新区塘沽街道新港路88号\r\n"
          + "和平区老王小吃店,92120101MA06XXXXXX,天津市和平区南京路12号\r\n";

  @Test
  void readsGbkFileAndSaysSo() {
    try (var source = Tables.open(SAMPLE.getBytes(GBK), "objects.csv")) {
      List<Row> rows = readAll(source);

      assertThat(source.format()).isEqualTo(TabularSource.Format.CSV);
      assertThat(source.encoding()).isEqualTo("GBK/GB18030");
      assertThat(rows)
          .extracting(r -> r.get("name"))
          .containsExactly("天津市滨海新区安达化工有限公司", "和平区老王小吃店");
      assertThat(rows.get(1).get("address")).isEqualTo("天津市和平区南京路12号");
      assertThat(source.warnings()).isEmpty();
    }
  }

  @Test
  void readsGbkFileDeclaredAsUtf8CorrectlyWithAWarning() {
    byte[] gbk = SAMPLE.getBytes(GBK);
    try (var source =
        TabularReader.open(
            new ByteArrayInputStream(gbk), "objects.csv", StandardCharsets.UTF_8, OBJECTS)) {
      List<Row> rows = readAll(source);

      assertThat(rows.get(0).get("name")).isEqualTo("天津市滨海新区安达化工有限公司");
      assertThat(source.encoding()).isEqualTo("GBK/GB18030");
      assertThat(source.warnings()).singleElement().asString().contains("声明为 UTF-8", "GBK");
    }
  }

  @Test
  void readsUtf8FileDeclaredAsGbkAsUtf8WithAWarning() {
    byte[] utf8 = SAMPLE.getBytes(StandardCharsets.UTF_8);
    try (var source =
        TabularReader.open(new ByteArrayInputStream(utf8), "objects.csv", GBK, OBJECTS)) {
      assertThat(readAll(source).get(1).get("name")).isEqualTo("和平区老王小吃店");
      assertThat(source.encoding()).isEqualTo("UTF-8");
      assertThat(source.warnings()).singleElement().asString().contains("实际是 UTF-8");
    }
  }

  @Test
  void detectsGbkEvenWhenTheFirstNonAsciiByteIsDeepInTheFile() {
    var spec =
        TableSpec.of(
            ColumnSpec.required("uscc", "统一社会信用代码", "USCC"),
            ColumnSpec.required("name", "名称", "name"));
    var text = new StringBuilder("USCC,name\r\n");
    for (int i = 0; i < 5000; i++) {
      text.append("911201160000000").append(i % 10).append("X,company").append(i).append("\r\n");
    }
    text.append("911201160000000000,最后一家公司\r\n");
    byte[] bytes = text.toString().getBytes(GBK);
    List<Row> rows;
    try (var source = TabularReader.open(new ByteArrayInputStream(bytes), "o.csv", spec)) {
      rows = readAll(source);
      assertThat(source.encoding()).isEqualTo("GBK/GB18030");
    }

    assertThat(rows).hasSize(5001);
    assertThat(rows.get(5000).get("name")).isEqualTo("最后一家公司");
  }

  @Test
  void readsUtf8WithAndWithoutByteOrderMark() {
    byte[] plain = SAMPLE.getBytes(StandardCharsets.UTF_8);
    var withBom = new ByteArrayOutputStream();
    withBom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    withBom.writeBytes(plain);

    for (byte[] bytes : List.of(plain, withBom.toByteArray())) {
      try (var source = Tables.open(bytes, "objects.csv")) {
        List<Row> rows = readAll(source);
        assertThat(source.encoding()).isEqualTo("UTF-8");
        assertThat(source.header().columns()).containsKeys("name", "uscc", "address");
        assertThat(rows.get(0).get("name")).isEqualTo("天津市滨海新区安达化工有限公司");
      }
    }
  }

  @Test
  void readsUtf16WithByteOrderMarkAndTabsAsExcelUnicodeTextWrites() {
    String text = "\uFEFF名称\t统一社会信用代码\r\n安达化工\t91120116MA05JXXXXX\r\n";
    try (var source = Tables.open(text.getBytes(StandardCharsets.UTF_16LE), "objects.txt")) {
      List<Row> rows = readAll(source);
      assertThat(source.encoding()).isEqualTo("UTF-16LE");
      assertThat(rows.get(0).values())
          .containsEntry("name", "安达化工")
          .containsEntry("uscc", "91120116MA05JXXXXX");
    }
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    String text =
        "名称,统一社会信用代码,地址\n"
            + "\"安达化工, 有限公司\",91120116MA05JXXXXX,\"天津市\n滨海新区\"\n"
            + "\"说\"\"安全\"\"的店\",92120101MA06XXXXXX,\r\n"
            + "第三家,93120101MA07XXXXXX,和平区\n";
    List<Row> rows = readAll(text.getBytes(StandardCharsets.UTF_8), "objects.csv");

    assertThat(rows).extracting(Row::rowNumber).containsExactly(2, 3, 4);
    assertThat(rows.get(0).get("name")).isEqualTo("安达化工, 有限公司");
    assertThat(rows.get(0).get("address")).isEqualTo("天津市\n滨海新区");
    assertThat(rows.get(1).get("name")).isEqualTo("说\"安全\"的店");
    assertThat(rows.get(1).isBlank("address")).isTrue();
    assertThat(rows.get(2).get("address")).isEqualTo("和平区");
  }

  @Test
  void skipsAndCountsEmptyRowsKeepingTheRowNumbersTheUserSees() {
    String text =
        "名称,统一社会信用代码\r\n"
            + "甲公司,91120116MA05JXXXXX\r\n"
            + "\r\n"
            + ",,\r\n"
            + " , \r\n"
            + "乙公司,92120101MA06XXXXXX\r\n"
            + "\r\n\r\n";
    try (var source = Tables.open(text.getBytes(StandardCharsets.UTF_8), "objects.csv")) {
      List<Row> rows = readAll(source);

      assertThat(rows).extracting(Row::rowNumber).containsExactly(2, 6);
      assertThat(source.emptyRowsSkipped()).isEqualTo(3);
      assertThat(source.rowsRead()).isEqualTo(2);
    }
  }

  @Test
  void findsTheHeaderBelowTitleRowsAndCountsThemInRowNumbers() {
    String text =
        "天津市和平区监督管理对象清单,,\n"
            + "填报单位：和平区应急管理局,,\n"
            + "企业名称,信用代码,详细地址\n"
            + "甲公司,91120116MA05JXXXXX,和平区\n";
    try (var source = Tables.open(text.getBytes(StandardCharsets.UTF_8), "objects.csv")) {
      List<Row> rows = readAll(source);
      assertThat(source.header().rowNumber()).isEqualTo(3);
      assertThat(source.header().columns())
          .containsEntry("name", "企业名称")
          .containsEntry("uscc", "信用代码");
      assertThat(rows).singleElement().extracting(Row::rowNumber).isEqualTo(4);
    }
  }

  @Test
  void matchesHeadersIgnoringSpacesFullWidthFormsAndRequiredMarkers() {
    String text = "* 名 称,统一社会信用代码（必填）,ＵＳＣＣ备注,地址*\n甲,9112,x,y\n";
    try (var source = Tables.open(text.getBytes(StandardCharsets.UTF_8), "objects.csv")) {
      assertThat(source.header().columns()).containsOnlyKeys("name", "uscc", "address");
      assertThat(source.header().unknownColumns()).containsExactly("ＵＳＣＣ备注");
    }
  }

  @Test
  void reportsMissingRequiredColumnsByName() {
    String text = "名称,地址\n甲公司,和平区\n";
    assertThatThrownBy(() -> Tables.open(text.getBytes(StandardCharsets.UTF_8), "objects.csv"))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TabularException.Reason.MISSING_COLUMNS);
              assertThat(e.columns()).containsExactly("统一社会信用代码");
              assertThat(e.getMessage()).contains("缺少必填列：统一社会信用代码");
            });
  }

  @Test
  void warnsAboutUnknownColumnsAndIgnoresThem() {
    String text = "名称,统一社会信用代码,备注,负责人\n甲公司,9112,随便写的,张三\n";
    try (var source = Tables.open(text.getBytes(StandardCharsets.UTF_8), "objects.csv")) {
      List<Row> rows = readAll(source);
      assertThat(source.header().unknownColumns()).containsExactly("备注", "负责人");
      assertThat(source.warnings()).singleElement().asString().contains("备注、负责人");
      assertThat(rows.get(0).values()).containsOnlyKeys("name", "uscc");
    }
  }

  @Test
  void refusesAFileWithAHeaderOnly() {
    for (String text : List.of("名称,统一社会信用代码\r\n", "名称,统一社会信用代码\r\n\r\n,\r\n")) {
      assertThatThrownBy(() -> readAll(text.getBytes(StandardCharsets.UTF_8), "objects.csv"))
          .isInstanceOfSatisfying(
              TabularException.class,
              e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.NO_DATA))
          .hasMessageContaining("没有数据行");
    }
  }

  @Test
  void refusesAFileWithoutAnyRecognisableHeader() {
    String text = "a,b,c\n1,2,3\n";
    assertThatThrownBy(() -> Tables.open(text.getBytes(StandardCharsets.UTF_8), "x.csv"))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.HEADER_NOT_FOUND))
        .hasMessageContaining("名称、统一社会信用代码");
  }

  @Test
  void reportsTheRowOfAnUnclosedQuote() {
    String text = "名称,统一社会信用代码\n甲公司,9112\n\"乙公司,9113\n丙公司,9114\n";
    assertThatThrownBy(() -> readAll(text.getBytes(StandardCharsets.UTF_8), "objects.csv"))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TabularException.Reason.MALFORMED_CSV);
              assertThat(e.rowNumber()).isEqualTo(3);
            })
        .hasMessageContaining("第 3 行")
        .hasMessageContaining("引号");
  }

  @Test
  void reportsTheRowOfAMisdecodedCharacter() {
    String text = "名称,统一社会信用代码\n甲公司,9112\n锟斤拷\uFFFD公司,9113\n";
    try (var source = Tables.open(text.getBytes(StandardCharsets.UTF_8), "objects.csv")) {
      assertThatThrownBy(() -> readAll(source))
          .isInstanceOfSatisfying(
              TabularException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TabularException.Reason.UNREADABLE_CHARACTERS);
                assertThat(e.rowNumber()).isEqualTo(3);
              })
          .hasMessageContaining("第 3 行“名称”列");
    }
  }

  @Test
  void reportsTheRowOfADamagedByteInAUtf8FileInsteadOfMisreadingTheWholeFileAsGbk() {
    var text = new StringBuilder("名称,统一社会信用代码,地址\n");
    for (int i = 0; i < 30; i++) {
      text.append("天津市第").append(i).append("化工有限公司,9112,和平区南京路\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    String prefix = "名称,统一社会信用代码,地址\n天津市第0化工有限公司,9112,和平区南京路\n天津市第1化工";
    int damaged = prefix.getBytes(StandardCharsets.UTF_8).length;
    bytes[damaged] = (byte) 0xFF;

    try (var source = Tables.open(bytes, "objects.csv")) {
      assertThat(source.encoding()).isEqualTo("UTF-8");
      assertThatThrownBy(() -> readAll(source))
          .isInstanceOfSatisfying(
              TabularException.class,
              e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.UNREADABLE_CHARACTERS))
          .hasMessageContaining("第 3 行“名称”列");
    }
  }

  @Test
  void refusesMoreRowsThanAllowedNamingTheRow() {
    String text = "名称,统一社会信用代码\n甲,1\n乙,2\n丙,3\n";
    var spec = OBJECTS.withLimits(TableSpec.DEFAULT_MAX_BYTES, 2);
    try (var source =
        TabularReader.open(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "o.csv", spec)) {
      assertThatThrownBy(() -> readAll(source))
          .isInstanceOfSatisfying(
              TabularException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TabularException.Reason.TOO_MANY_ROWS);
                assertThat(e.rowNumber()).isEqualTo(4);
              });
    }
  }

  @Test
  void refusesAFileOverTheSizeLimitBeforeParsingIt() {
    byte[] bytes = SAMPLE.repeat(100).getBytes(StandardCharsets.UTF_8);
    var spec = OBJECTS.withLimits(1024, 1000);
    assertThatThrownBy(() -> TabularReader.open(new ByteArrayInputStream(bytes), "o.csv", spec))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.TOO_LARGE))
        .hasMessageContaining("1 KB");
  }

  @Test
  void readsTwentyThousandRowsCountingThem() {
    var text = new StringBuilder("名称,统一社会信用代码,地址,经度,纬度\r\n");
    for (int i = 0; i < 20_000; i++) {
      text.append("天津市某某有限公司")
          .append(i)
          .append(",91120116MA05J")
          .append(String.format("%05d", i))
          .append(",\"天津市河西区友谊路")
          .append(i)
          .append("号\",117.2")
          .append(i % 10)
          .append(",39.1\r\n");
    }
    long[] count = {0};
    int[] last = {0};
    try (var source = Tables.open(text.toString().getBytes(GBK), "big.csv")) {
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
