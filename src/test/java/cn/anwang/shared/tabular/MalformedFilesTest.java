package cn.anwang.shared.tabular;

import static cn.anwang.shared.tabular.Tables.OBJECTS;
import static cn.anwang.shared.tabular.Tables.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Files that are not the table they claim to be: refused with a clear message, never a trace. */
class MalformedFilesTest {

  static byte[] validWorkbook() {
    return Tables.workbook(
        wb -> {
          var sheet = wb.createSheet("对象");
          fill(sheet, 0, new String[] {"名称", "统一社会信用代码"});
          for (int i = 1; i <= 200; i++) {
            fill(sheet, i, new String[] {"公司" + i, "9112" + i});
          }
        });
  }

  static AbstractThrowableAssert<?, ?> refusing(
      byte[] bytes, String name, TabularException.Reason reason) {
    return assertThatThrownBy(() -> Tables.readAll(bytes, name))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).doesNotContain("Exception", "at org.", "null");
            });
  }

  @Test
  void refusesATruncatedWorkbook() {
    byte[] valid = validWorkbook();
    refusing(
            Arrays.copyOf(valid, valid.length / 2),
            "objects.xlsx",
            TabularException.Reason.CORRUPT_WORKBOOK)
        .hasMessageContaining("损坏或不完整");
  }

  @Test
  void refusesAnOldExcelFileGivenAsXlsx() throws IOException {
    var out = new ByteArrayOutputStream();
    try (var workbook = new HSSFWorkbook()) {
      fill(workbook.createSheet("对象"), 0, new String[] {"名称", "统一社会信用代码"}, new String[] {"甲", "1"});
      workbook.write(out);
    }
    refusing(out.toByteArray(), "objects.xlsx", TabularException.Reason.OLD_EXCEL)
        .hasMessageContaining(".xls")
        .hasMessageContaining("另存为");
  }

  @Test
  void refusesAWebPageDisguisedAsExcel() {
    String html =
        "\uFEFF  <html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table>"
            + "<tr><td>名称</td><td>统一社会信用代码</td></tr><tr><td>甲</td><td>1</td></tr>"
            + "</table></body></html>";
    refusing(html.getBytes(StandardCharsets.UTF_8), "objects.xls", TabularException.Reason.HTML)
        .hasMessageContaining("网页");
    String xmlSpreadsheet =
        "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
    refusing(
        xmlSpreadsheet.getBytes(StandardCharsets.UTF_8),
        "objects.xls",
        TabularException.Reason.HTML);
  }

  @Test
  void refusesRandomBytes() {
    byte[] noise = new byte[20_000];
    new Random(7).nextBytes(noise);
    refusing(noise, "objects.xlsx", TabularException.Reason.NOT_A_TABLE)
        .hasMessageContaining(".xlsx 或 CSV");
    refusing(noise, "objects.csv", TabularException.Reason.NOT_A_TABLE);
  }

  @Test
  void refusesAZipThatIsNotAWorkbook() throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("名称,统一社会信用代码".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    refusing(out.toByteArray(), "objects.xlsx", TabularException.Reason.CORRUPT_WORKBOOK);
  }

  @Test
  void refusesAPdfAndAnImage() {
    refusing(
            "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII),
            "objects.pdf",
            TabularException.Reason.NOT_A_TABLE)
        .hasMessageContaining("PDF");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    refusing(png, "objects.xlsx", TabularException.Reason.NOT_A_TABLE);
  }

  @Test
  void refusesAnEmptyFile() {
    refusing(new byte[0], "objects.csv", TabularException.Reason.EMPTY_FILE).hasMessage("文件为空。");
    refusing(
        "\r\n\r\n , \r\n".getBytes(StandardCharsets.UTF_8),
        "objects.csv",
        TabularException.Reason.EMPTY_FILE);
  }

  @Test
  void refusesAWorkbookOverTheSizeLimit() {
    byte[] valid = validWorkbook();
    var spec = OBJECTS.withLimits(valid.length - 1, 1000);
    assertThatThrownBy(() -> TabularReader.open(new ByteArrayInputStream(valid), "o.xlsx", spec))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.TOO_LARGE));
  }

  @Test
  void refusesAFiftyMegabyteUploadWithoutReadingAllOfIt() {
    var upload = new Endless(50L * 1024 * 1024);
    var spec = OBJECTS.withLimits(10L * 1024 * 1024, 1_000_000);

    assertThatThrownBy(() -> TabularReader.open(upload, "big.csv", spec))
        .isInstanceOfSatisfying(
            TabularException.class,
            e -> assertThat(e.reason()).isEqualTo(TabularException.Reason.TOO_LARGE))
        .hasMessageContaining("10 MB");
    assertThat(upload.served).isLessThanOrEqualTo(10L * 1024 * 1024 + 64 * 1024);
  }

  @Test
  void aTextFileNamedXlsxIsReadAsCsvWithAWarning() {
    byte[] bytes = "名称,统一社会信用代码\n甲公司,9112\n".getBytes(StandardCharsets.UTF_8);
    try (var source = Tables.open(bytes, "objects.xlsx")) {
      assertThat(Tables.readAll(source)).hasSize(1);
      assertThat(source.format()).isEqualTo(TabularSource.Format.CSV);
      assertThat(source.warnings()).anyMatch(w -> w.contains("按 CSV 读取"));
    }
  }

  /** A CSV upload of the given length, produced as it is read. */
  static final class Endless extends InputStream {
    private final long length;
    private final byte[] line = "天津市某某有限公司,91120116MA05JXXXXX\n".getBytes(StandardCharsets.UTF_8);
    long served;

    Endless(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      return served < length ? line[(int) (served++ % line.length)] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - served);
      for (int i = 0; i < n; i++) {
        b[off + i] = line[(int) (served++ % line.length)];
      }
      return n;
    }
  }
}
