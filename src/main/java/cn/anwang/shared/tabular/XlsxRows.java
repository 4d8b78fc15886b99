package cn.anwang.shared.tabular;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The rows of one worksheet, streamed with POI's SAX event API: only the styles and one offset per
 * shared string are held in memory, never the cells (the strings' text is in a memory-mapped
 * temporary file, see {@link SpilledSharedStrings}). Columns are placed by each cell's reference,
 * so merged or missing cells never shift values into the wrong column.
 */
final class XlsxRows implements RawRows {

  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final StylesTable styles;
  private final SpilledSharedStrings strings;
  private final int sheetIndex;
  private final String sheetName;
  private final List<String> sheetNames;

  private XlsxRows(Path file, String wantedSheet) {
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (Exception | LinkageError e) {
      throw TabularException.corruptWorkbook(e);
    }
    SpilledSharedStrings spilled = null;
    try {
      reader = new XSSFReader(pkg);
      styles = reader.getStylesTable();
      if (styles != null) {
        addChineseDateFormats(styles);
      }
      spilled = SpilledSharedStrings.read(pkg);
      List<String> names = new ArrayList<>();
      var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        sheets.next().close();
        names.add(sheets.getSheetName());
      }
      if (names.isEmpty()) {
        throw TabularException.notATable(TabularException.NotATable.NO_SHEET);
      }
      int index = 0;
      if (wantedSheet != null) {
        index = names.indexOf(wantedSheet);
        if (index < 0) {
          index = names.stream().map(String::strip).toList().indexOf(wantedSheet.strip());
        }
        if (index < 0) {
          throw TabularException.sheetNotFound(wantedSheet, names);
        }
      }
      sheetIndex = index;
      sheetName = names.get(index);
      sheetNames = List.copyOf(names);
      strings = spilled;
    } catch (TabularException e) {
      release(pkg, spilled);
      throw e;
    } catch (Exception | LinkageError e) {
      release(pkg, spilled);
      throw TabularException.corruptWorkbook(e);
    }
  }

  /**
   * Excel reserves format ids 27-36 and 50-58 for East Asian dates ("2024年3月5日") and saves them
   * without a format string, which POI does not know: the cell would read as its serial number.
   */
  private static void addChineseDateFormats(StylesTable styles) {
    for (int id = 27; id <= 58; id++) {
      if ((id <= 36 || id >= 50) && styles.getNumberFormatAt((short) id) == null) {
        styles.putNumberFormat((short) id, "yyyy\"年\"m\"月\"d\"日\"");
      }
    }
  }

  private static void release(OPCPackage pkg, SpilledSharedStrings strings) {
    if (strings != null) {
      strings.close();
    }
    pkg.revert();
  }

  static XlsxRows open(Path file, String sheetName) {
    return new XlsxRows(file, sheetName);
  }

  /** Every sheet of the workbook, in order. */
  List<String> sheetNames() {
    return sheetNames;
  }

  String sheetName() {
    return sheetName;
  }

  @Override
  public void read(Consumer consumer) {
    var collector = new Collector(consumer);
    try (InputStream sheet = sheetStream()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new XSSFSheetXMLHandler(styles, strings, collector, new IsoDataFormatter(), false));
      parser.parse(new InputSource(sheet));
    } catch (Stop stop) {
      // the consumer has what it wanted, or failed (below)
    } catch (Exception | LinkageError e) {
      if (collector.failure == null) {
        throw TabularException.corruptWorkbook(e);
      }
    }
    if (collector.failure != null) {
      // the caller's own exception (or ours, about a row), not a broken workbook
      throw collector.failure;
    }
  }

  private InputStream sheetStream() throws Exception {
    Iterator<InputStream> sheets = reader.getSheetsData();
    for (int i = 0; i < sheetIndex; i++) {
      sheets.next().close();
    }
    return sheets.next();
  }

  @Override
  public void close() {
    release(pkg, strings);
  }

  /** Ends the SAX parse early without a stack trace. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Consumer consumer;
    private RuntimeException failure;
    private String[] cells = new String[32];
    private int count;

    Collector(Consumer consumer) {
      this.consumer = consumer;
    }

    @Override
    public void startRow(int rowNum) {
      Arrays.fill(cells, 0, count, null);
      count = 0;
    }

    @Override
    public void endRow(int rowNum) {
      boolean more;
      try {
        more = consumer.accept(rowNum + 1, cells, count);
      } catch (RuntimeException e) {
        failure = e;
        throw new Stop();
      }
      if (!more) {
        throw new Stop();
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? count : column(reference);
      if (column >= cells.length) {
        cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
      }
      cells[column] = formattedValue;
      count = Math.max(count, column + 1);
    }

    private static int column(String reference) {
      int column = 0;
      for (int i = 0; i < reference.length(); i++) {
        char c = reference.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          column = column * 26 + (c - 'A' + 1);
        } else if (c >= 'a' && c <= 'z') {
          column = column * 26 + (c - 'a' + 1);
        } else {
          break;
        }
      }
      return column - 1;
    }
  }
}
