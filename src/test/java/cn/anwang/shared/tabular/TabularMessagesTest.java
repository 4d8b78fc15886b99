package cn.anwang.shared.tabular;

import static cn.anwang.shared.tabular.Tables.OBJECTS;
import static cn.anwang.shared.tabular.Tables.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every text of the package exists in zh-CN and English: each refusal and each warning, caused by a
 * real file where a file can cause it, resolves through the bundle as the application reads it, the
 * zh-CN text being the exception's (or warning's) own default text.
 */
class TabularMessagesTest {

  /** The tabular bundle as the application reads it (UTF-8, no fallback to the system locale). */
  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("i18n/tabular");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  static final Charset GBK = Charset.forName("GBK");

  /** Han characters, CJK punctuation ("、", "。", "“") and full-width forms ("（", "："). */
  static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

  @Test
  void everyRefusalReadsInChineseAndEnglish() {
    List<TabularException> refusals = refusals();

    assertThat(refusals.stream().map(TabularException::reason).collect(Collectors.toSet()))
        .as("every reason is exercised")
        .isEqualTo(EnumSet.allOf(TabularException.Reason.class));
    for (TabularException e : refusals) {
      assertThat(e.getCodes()).singleElement().asString().startsWith("tabular.error." + e.reason());
      String en = assertLocalised(e, e.getMessage());
      assertThat(MESSAGES.getMessage(e, Locale.ENGLISH)).isEqualTo(en);
      assertThat(MESSAGES.getMessage(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo(e.getMessage());
    }
  }

  @Test
  void everyWarningReadsInChineseAndEnglish() {
    List<TabularMessage> warnings = warnings();

    for (TabularMessage warning : warnings) {
      assertThat(warning.code()).startsWith("tabular.warning.");
      String en = assertLocalised(warning, warning.defaultMessage());
      assertThat(MESSAGES.getMessage(warning, Locale.ENGLISH)).isEqualTo(en);
    }
  }

  @Test
  void theTestsUseEveryKeyAndBothBundlesHaveTheSameKeys() {
    Set<String> zh = keys("/i18n/tabular.properties");
    Set<String> en = keys("/i18n/tabular_en.properties");
    assertThat(en).isEqualTo(zh);

    Set<String> used = new TreeSet<>();
    refusals().forEach(e -> used.add(e.getCodes()[0]));
    warnings().forEach(w -> used.add(w.code()));
    assertThat(used).isEqualTo(zh);
  }

  @Test
  void readsWellInEnglish() {
    String text = "名称,地址\n甲公司,和平区\n";
    TabularException missing = refused(text.getBytes(StandardCharsets.UTF_8), "o.csv", OBJECTS);
    assertThat(MESSAGES.getMessage(missing, Locale.ENGLISH))
        .isEqualTo("The header (row 1) lacks these required columns: 统一社会信用代码.");

    TabularException tooLarge =
        refused(new byte[3 * 1024 * 1024], "o.csv", OBJECTS.withLimits(2 * 1024 * 1024, 10));
    assertThat(tooLarge.getMessage()).contains("2 MB");
    assertThat(MESSAGES.getMessage(tooLarge, Locale.ENGLISH)).contains("limit of 2 MB.");

    TabularException tooManyRows =
        refused(
            ("名称,统一社会信用代码\n" + "甲,1\n".repeat(1001)).getBytes(StandardCharsets.UTF_8),
            "o.csv",
            OBJECTS.withLimits(TableSpec.DEFAULT_MAX_BYTES, 1000));
    assertThat(tooManyRows.getMessage()).contains("1000 行", "第 1002 行");
    assertThat(MESSAGES.getMessage(tooManyRows, Locale.ENGLISH)).contains("1000 (at row 1002)");
  }

  /**
   * Resolves the message's code and arguments strictly (a missing key throws), checks the zh-CN
   * text against the default and the English one for Chinese left in it, and returns the English.
   */
  static String assertLocalised(MessageSourceResolvable message, String zhDefault) {
    var strict = new DefaultMessageSourceResolvable(message.getCodes(), message.getArguments());
    String zh = MESSAGES.getMessage(strict, Locale.SIMPLIFIED_CHINESE);
    String en = MESSAGES.getMessage(strict, Locale.ENGLISH);
    String code = message.getCodes()[0];

    assertThat(zh).as(code).isEqualTo(zhDefault).isEqualTo(message.getDefaultMessage());
    String template = en;
    for (Object argument : message.getArguments()) {
      template = template.replace(String.valueOf(argument), "");
    }
    assertThat(template).as(code + " in English: " + en).doesNotContainPattern(CJK);
    assertThat(en).as(code).doesNotContain("{", "}").isNotEqualTo(zh);
    return en;
  }

  /** One refusal of every kind, from real files except where noted. */
  static List<TabularException> refusals() {
    var all = new ArrayList<TabularException>();
    byte[] valid = MalformedFilesTest.validWorkbook();
    String header = "名称,统一社会信用代码\n";
    all.add(refused(new byte[0], "o.csv", OBJECTS));
    all.add(refused(new byte[3 * 1024 * 1024], "o.csv", OBJECTS.withLimits(2 * 1024 * 1024, 10)));
    all.add(refused(valid, "o.xlsx", OBJECTS.withLimits(1024, 10)));
    all.add(refused(valid, "o.xlsx", OBJECTS.withLimits(100, 10)));
    all.add(refused(utf8(header + "甲,1\n乙,2\n丙,3\n"), "o.csv", OBJECTS.withLimits(1024 * 1024, 2)));
    all.add(refused(oldExcel(), "o.xlsx", OBJECTS));
    all.add(refused(utf8("<html><body><table><tr><td>名称</td></tr></table>"), "o.xls", OBJECTS));
    all.add(refused("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "o.pdf", OBJECTS));
    all.add(refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "o.xlsx", OBJECTS));
    byte[] noise = new byte[20_000];
    new Random(7).nextBytes(noise);
    all.add(refused(noise, "o.csv", OBJECTS));
    all.add(refused(Tables.workbook(wb -> {}), "o.xlsx", OBJECTS));
    all.add(refused(Arrays.copyOf(valid, valid.length / 2), "o.xlsx", OBJECTS));
    all.add(refused(valid, "o.xlsx", OBJECTS.inSheet("企业")));
    all.add(refused(utf8("a,b,c\n1,2,3\n"), "o.csv", OBJECTS));
    all.add(refused(utf8("名称,地址\n甲公司,和平区\n"), "o.csv", OBJECTS));
    all.add(refused(utf8(header), "o.csv", OBJECTS));
    all.add(refused(utf8(header + "甲公司,9112\n\"乙公司,9113\n"), "o.csv", OBJECTS));
    all.add(
        refused(
            utf8(header + "甲公司," + "1".repeat(CsvRows.MAX_FIELD_LENGTH + 1) + "\n"),
            "o.csv",
            OBJECTS));
    all.add(refused(utf8(header + "甲公司,9112\n乙\uFFFD公司,9113\n"), "o.csv", OBJECTS));
    // no file makes a bad character outside a known column: every value read has its column
    all.add(TabularException.unreadableCharacters(3, null, "UTF-8"));
    try {
      TabularReader.open(Path.of("target", "no-such-dir", "o.csv"), null, OBJECTS).close();
      fail("a missing file was opened");
    } catch (TabularException e) {
      all.add(e);
    }
    return all;
  }

  /** Every warning, from two real files. */
  static List<TabularMessage> warnings() {
    var all = new ArrayList<TabularMessage>();
    // GBK declared as UTF-8, named .xlsx, with a repeated column and two unknown ones
    byte[] gbk = "名称,统一社会信用代码,企业名称,备注,负责人\n甲公司,9112,乙公司,x,y\n".getBytes(GBK);
    try (var source =
        TabularReader.open(
            new ByteArrayInputStream(gbk), "o.xlsx", StandardCharsets.UTF_8, OBJECTS)) {
      assertThat(source.warningMessages()).hasSize(4);
      assertThat(source.warnings())
          .isEqualTo(
              source.warningMessages().stream().map(TabularMessage::defaultMessage).toList());
      all.addAll(source.warningMessages());
    }
    try (var source =
        TabularReader.open(
            new ByteArrayInputStream(utf8("名称,统一社会信用代码\n甲公司,9112\n")), "o.csv", GBK, OBJECTS)) {
      assertThat(source.warningMessages()).hasSize(1);
      all.addAll(source.warningMessages());
    }
    // an instructions sheet first, the table on the second sheet
    var out = new ByteArrayOutputStream();
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      fill(workbook.createSheet("填表说明"), 0, new String[] {"请按模板填写"});
      fill(workbook.createSheet("数据"), 0, new String[] {"名称", "统一社会信用代码"}, new String[] {"甲", "1"});
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (var source =
        TabularReader.open(new ByteArrayInputStream(out.toByteArray()), "o.xlsx", OBJECTS)) {
      assertThat(source.sheetName()).isEqualTo("数据");
      assertThat(source.warningMessages()).hasSize(1);
      all.addAll(source.warningMessages());
    }
    return all;
  }

  static TabularException refused(byte[] bytes, String name, TableSpec spec) {
    try (TabularSource source = TabularReader.open(new ByteArrayInputStream(bytes), name, spec)) {
      Tables.readAll(source);
    } catch (TabularException e) {
      return e;
    }
    throw new AssertionError(name + " was read");
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] oldExcel() {
    var out = new ByteArrayOutputStream();
    try (var workbook = new HSSFWorkbook()) {
      fill(workbook.createSheet("对象"), 0, new String[] {"名称", "统一社会信用代码"});
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Set<String> keys(String resource) {
    var properties = new Properties();
    try (var in = TabularMessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
