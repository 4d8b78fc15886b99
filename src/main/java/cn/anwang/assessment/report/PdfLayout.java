package cn.anwang.assessment.report;

import cn.anwang.shared.pdf.CjkFont;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes a report top-down on A4 pages: a title, lines, and tables whose cells wrap (CJK text has
 * no spaces to break at, so a line breaks anywhere), starting a new page when one is full and
 * repeating the table's header there.
 */
final class PdfLayout implements AutoCloseable {

  private static final float MARGIN = 40;
  private static final float SIZE = 8;
  private static final float LEADING = 10;
  private static final float PAD = 2;
  private static final PDRectangle A4 = PDRectangle.A4;

  private final PDDocument doc;
  private final CjkFont.Embedded cjk;
  private final float width = A4.getWidth() - 2 * MARGIN;
  private PDPageContentStream out;
  private float y;

  PdfLayout(PDDocument doc, CjkFont.Embedded cjk) throws IOException {
    this.doc = doc;
    this.cjk = cjk;
    newPage();
  }

  void title(String text) throws IOException {
    float size = 16;
    write(text, MARGIN + (width - width(text, size)) / 2, y - size, size);
    y -= size + 10;
  }

  void line(String text, float size) throws IOException {
    for (String l : wrap(text, width, size)) {
      room(size + 4);
      write(l, MARGIN, y - size, size);
      y -= size + 4;
    }
  }

  void table(ReportBlock b) throws IOException {
    List<Integer> shown = new ArrayList<>();
    float total = 0;
    for (int c = 0; c < b.columns().size(); c++) {
      if (b.columns().get(c).pdfWeight() > 0) {
        shown.add(c);
        total += b.columns().get(c).pdfWeight();
      }
    }
    float[] widths = new float[shown.size()];
    for (int i = 0; i < shown.size(); i++) {
      widths[i] = width * b.columns().get(shown.get(i)).pdfWeight() / total;
    }
    room(60);
    y -= 8;
    line(b.title(), 12);
    if (b.note() != null) {
      line(b.note(), 8);
    }
    List<String> header = new ArrayList<>();
    shown.forEach(c -> header.add(b.columns().get(c).header()));
    row(header, widths, null, true);
    for (List<Object> values : b.rows()) {
      List<String> cells = new ArrayList<>();
      List<Boolean> numbers = new ArrayList<>();
      for (int c : shown) {
        cells.add(format(c < values.size() ? values.get(c) : null));
        numbers.add(b.columns().get(c).number());
      }
      if (row(cells, widths, numbers, false)) {
        row(header, widths, null, true);
        row(cells, widths, numbers, false);
      }
    }
  }

  /**
   * Draws one table row; answers true, drawing nothing, when it does not fit on the page and a new
   * page was started (the caller repeats the header there).
   */
  private boolean row(List<String> cells, float[] widths, List<Boolean> numbers, boolean header)
      throws IOException {
    List<List<String>> lines = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<String> l = wrap(cells.get(i), widths[i] - 2 * PAD, SIZE);
      lines.add(l);
      height = Math.max(height, l.size());
    }
    float h = height * LEADING + 2 * PAD;
    if (y - h < MARGIN + 20) {
      newPage();
      return header ? row(cells, widths, numbers, true) : true;
    }
    if (header) {
      out.setNonStrokingColor(0.9f, 0.9f, 0.9f);
      out.addRect(MARGIN, y - h, width, h);
      out.fill();
      out.setNonStrokingColor(0f, 0f, 0f);
    }
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      float lineY = y - PAD - SIZE;
      boolean right = numbers != null && numbers.get(i);
      for (String l : lines.get(i)) {
        float lx = right ? x + widths[i] - PAD - width(l, SIZE) : x + PAD;
        write(l, lx, lineY, SIZE);
        lineY -= LEADING;
      }
      x += widths[i];
    }
    out.setLineWidth(0.3f);
    out.moveTo(MARGIN, y - h);
    out.lineTo(MARGIN + width, y - h);
    out.stroke();
    y -= h;
    return false;
  }

  private void room(float needed) throws IOException {
    if (y - needed < MARGIN + 20) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = A4.getHeight() - MARGIN;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Writes each page's footer once every page exists: "page i of n" and what the report is. */
  static void footers(
      PDDocument doc, CjkFont.Embedded cjk, BiFunction<Integer, Integer, String> text)
      throws IOException {
    int pages = doc.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream s =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        s.beginText();
        s.newLineAtOffset(MARGIN, MARGIN - 14);
        cjk.show(s, text.apply(i + 1, pages), 7);
        s.endText();
      }
    }
  }

  static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
    return v.toString();
  }

  private void write(String text, float x, float baseline, float size) throws IOException {
    out.beginText();
    out.newLineAtOffset(x, baseline);
    cjk.show(out, text, size);
    out.endText();
  }

  private float width(String text, float size) throws IOException {
    return cjk.width(text, size);
  }

  private List<String> wrap(String text, float max, float size) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String c = new String(Character.toChars(cp));
      if (line.length() > 0 && width(line + c, size) > max) {
        lines.add(line.toString());
        line.setLength(0);
        if (c.isBlank()) {
          continue;
        }
      }
      line.append(c);
    }
    lines.add(line.toString());
    return lines;
  }
}
