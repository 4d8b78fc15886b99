package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens an uploaded {@code .xlsx} or CSV file as a table of the expected columns.
 *
 * <p>The format is detected from the content, not the name: a zip is a workbook (its first sheet,
 * or the sheet the spec names), text is CSV. Old {@code .xls} files, web pages saved as {@code
 * .xls}, other binaries, empty files and truncated workbooks are refused with a {@link
 * TabularException} whose message tells the user what to do.
 *
 * <p>Texts: the exception's message and the {@link TabularSource#warnings() warnings} are zh-CN; to
 * show them in the reader's language, resolve the exception itself and {@link
 * TabularSource#warningMessages()} with a Spring {@code MessageSource} that includes {@code
 * i18n/tabular} ({@code messages.getMessage(e, locale)}); see {@link TabularException}.
 *
 * <p>CSV encoding: a byte order mark decides; otherwise UTF-8 if the whole file is valid UTF-8,
 * else GB18030 (GBK) — unless the file is overwhelmingly UTF-8 with a few damaged bytes, which
 * stays UTF-8 so that the damaged rows are reported. A declared encoding (from the upload or the
 * user) never overrides the bytes: a GBK file declared as UTF-8 is read correctly as GBK, with a
 * warning saying so ({@link TabularSource#warnings()}). A value containing U+FFFD (a character lost
 * to a wrong decoding, here or when the file was saved) stops the read with an error naming the row
 * and column.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * try (TabularSource source = TabularReader.open(in, "objects.csv", spec)) {
 *   source.warningMessages().forEach(w -> report.warn(messages.getMessage(w, locale)));
 *   source.forEach(row -> validate(row, source.header(), report));
 * } catch (TabularException e) {
 *   throw new ResponseStatusException(HttpStatus.BAD_REQUEST, messages.getMessage(e, locale));
 * }
 * }</pre>
 */
public final class TabularReader {

  private static final int HEAD_BYTES = 8 * 1024;

  private TabularReader() {}

  /** Opens an upload; it is copied to a temporary file (refused once past the size limit). */
  public static TabularSource open(InputStream in, String fileName, TableSpec spec) {
    return open(in, fileName, null, spec);
  }

  /**
   * Opens an upload whose sender declared an encoding (e.g. the multipart part's charset), or
   * {@code null}.
   */
  public static TabularSource open(
      InputStream in, String fileName, Charset declaredCharset, TableSpec spec) {
    Path copy = Spool.copy(in, spec.maxBytes());
    try {
      return open(copy, fileName, declaredCharset, spec, () -> Spool.delete(copy));
    } catch (RuntimeException e) {
      Spool.delete(copy);
      throw e;
    }
  }

  /** Opens a file already on disk (not copied, not deleted). */
  public static TabularSource open(Path file, Charset declaredCharset, TableSpec spec) {
    try {
      if (Files.size(file) > spec.maxBytes()) {
        throw TabularException.tooLarge(spec.maxBytes());
      }
    } catch (IOException e) {
      throw TabularException.io(e);
    }
    Path name = file.getFileName();
    return open(
        file, name == null ? file.toString() : name.toString(), declaredCharset, spec, () -> {});
  }

  private static TabularSource open(
      Path file, String fileName, Charset declared, TableSpec spec, Runnable cleanUp) {
    byte[] head = head(file);
    if (head.length == 0) {
      throw TabularException.emptyFile();
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    List<TabularMessage> warnings = new ArrayList<>();
    if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
      return openWorkbook(file, spec, warnings, cleanUp);
    }
    refuseKnownNonTables(head);
    TextEncoding detected = TextEncoding.detect(file, head);
    String encoding = detected.displayName();
    if (declared != null) {
      declaredMismatch(declared, detected).ifPresent(warnings::add);
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm")) {
      warnings.add(
          TabularMessage.of(
              TabularSource.WARNING + "excelNameCsvContent",
              "文件扩展名是 Excel，但内容是文本（CSV），已按 CSV 读取。"));
    }
    RawRows rows = new CsvRows(file, detected);
    try {
      HeaderMatcher.Match match = header(rows, spec);
      warnings.addAll(0, match.warnings());
      return new TabularSource(
          TabularSource.Format.CSV, encoding, null, rows, spec, match, warnings, cleanUp);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /**
   * The named sheet, else the first; when no sheet is named and the first has no header (an
   * instructions sheet put first), the first later sheet that has one, with a warning saying so.
   */
  private static TabularSource openWorkbook(
      Path file, TableSpec spec, List<TabularMessage> warnings, Runnable cleanUp) {
    XlsxRows first = XlsxRows.open(file, spec.sheetName());
    TabularException firstProblem;
    try {
      return workbookSource(first, spec, warnings, cleanUp);
    } catch (TabularException e) {
      first.close();
      if (spec.sheetName() != null
          || (e.reason() != TabularException.Reason.HEADER_NOT_FOUND
              && e.reason() != TabularException.Reason.EMPTY_FILE)) {
        throw e;
      }
      firstProblem = e;
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
    List<String> names = first.sheetNames();
    for (String other : names.subList(1, names.size())) {
      XlsxRows rows = XlsxRows.open(file, other);
      try {
        List<TabularMessage> more = new ArrayList<>(warnings);
        more.add(
            TabularMessage.of(
                TabularSource.WARNING + "otherSheet",
                "第一个工作表“" + names.get(0) + "”中没有表头，已读取工作表“" + other + "”。",
                names.get(0),
                other));
        return workbookSource(rows, spec, more, cleanUp);
      } catch (TabularException e) {
        rows.close();
        if (e.reason() != TabularException.Reason.HEADER_NOT_FOUND
            && e.reason() != TabularException.Reason.EMPTY_FILE) {
          throw e;
        }
      } catch (RuntimeException e) {
        rows.close();
        throw e;
      }
    }
    throw firstProblem;
  }

  private static TabularSource workbookSource(
      XlsxRows rows, TableSpec spec, List<TabularMessage> warnings, Runnable cleanUp) {
    HeaderMatcher.Match match = header(rows, spec);
    List<TabularMessage> all = new ArrayList<>(match.warnings());
    all.addAll(warnings);
    return new TabularSource(
        TabularSource.Format.XLSX, null, rows.sheetName(), rows, spec, match, all, cleanUp);
  }

  /** Finds the header among the first non-empty rows; the rows are read again from the start. */
  private static HeaderMatcher.Match header(RawRows rows, TableSpec spec) {
    var top = new ArrayList<HeaderMatcher.TopRow>();
    int wanted = spec.headerSearchRows() + 1;
    rows.read(
        (rowNumber, cells, count) -> {
          if (!RawRows.isBlank(cells, count)) {
            top.add(new HeaderMatcher.TopRow(rowNumber, java.util.Arrays.copyOf(cells, count)));
          }
          return top.size() < wanted;
        });
    if (top.isEmpty()) {
      throw TabularException.emptyFile();
    }
    HeaderMatcher.Match match = HeaderMatcher.match(spec, top);
    if (top.get(top.size() - 1).rowNumber() == match.header().rowNumber() && top.size() < wanted) {
      throw TabularException.noData(match.header().rowNumber());
    }
    return match;
  }

  private static java.util.Optional<TabularMessage> declaredMismatch(
      Charset declared, TextEncoding detected) {
    boolean declaredUtf8 = declared.equals(StandardCharsets.UTF_8);
    boolean declaredGb =
        declared.name().toUpperCase(Locale.ROOT).startsWith("GB")
            || declared.aliases().stream().anyMatch(a -> a.toUpperCase(Locale.ROOT).equals("GBK"));
    if (declaredUtf8 && detected.charset().equals(TextEncoding.GB18030)) {
      return java.util.Optional.of(
          TabularMessage.of(
              TabularSource.WARNING + "declaredUtf8ButGb",
              "文件声明为 UTF-8，但内容实际是 GBK/GB18030 编码，已按 GBK/GB18030 读取。"));
    }
    if (declaredGb && detected.charset().equals(StandardCharsets.UTF_8) && detected.nonAscii()) {
      return java.util.Optional.of(
          TabularMessage.of(
              TabularSource.WARNING + "declaredGbButUtf8",
              "文件声明为 " + declared.name() + "，但内容实际是 UTF-8 编码，已按 UTF-8 读取。",
              declared.name()));
    }
    return java.util.Optional.empty();
  }

  private static void refuseKnownNonTables(byte[] head) {
    if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      throw TabularException.oldExcel();
    }
    if (startsWith(head, '%', 'P', 'D', 'F')) {
      throw TabularException.notATable(TabularException.NotATable.PDF);
    }
    if (startsWith(head, 0x89, 'P', 'N', 'G')
        || startsWith(head, 0xFF, 0xD8, 0xFF)
        || startsWith(head, 'G', 'I', 'F', '8')) {
      throw TabularException.notATable(TabularException.NotATable.IMAGE);
    }
    String start = markup(head);
    for (String tag :
        new String[] {
          "<!doctype", "<html", "<?xml", "<table", "<head", "<body", "<meta", "<style"
        }) {
      if (start.startsWith(tag)) {
        throw TabularException.html();
      }
    }
  }

  /** The first characters, lower case, without a byte order mark, spaces or UTF-16 zero bytes. */
  private static String markup(byte[] head) {
    var text = new StringBuilder();
    for (int i = 0; i < head.length && text.length() < 32; i++) {
      int b = head[i] & 0xFF;
      if (b == 0 || b == 0xEF || b == 0xBB || b == 0xBF || b == 0xFF || b == 0xFE) {
        continue;
      }
      if (text.length() == 0 && Character.isWhitespace(b)) {
        continue;
      }
      text.append(Character.toLowerCase((char) b));
    }
    return text.toString();
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      throw TabularException.io(e);
    }
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
