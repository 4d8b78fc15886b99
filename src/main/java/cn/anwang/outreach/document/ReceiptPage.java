package cn.anwang.outreach.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The receipt's page written top-down: label/value rows with the values wrapped to the width, CJK
 * text in the embedded font and Latin letters and digits in Helvetica.
 */
final class ReceiptPage implements AutoCloseable {

  private static final float MARGIN = 56;
  private static final float LABEL_WIDTH = 130;
  private static final float SIZE = 11;
  private static final float LEADING = 17;

  private final PDPageContentStream out;
  private final PDType0Font cjk;
  private final IntPredicate glyphs;
  private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final float width;
  private float y;

  ReceiptPage(PDDocument doc, PDPage page, PDType0Font font, IntPredicate glyphs)
      throws IOException {
    this.out = new PDPageContentStream(doc, page);
    this.cjk = font;
    this.glyphs = glyphs;
    this.width = page.getMediaBox().getWidth() - 2 * MARGIN;
    this.y = page.getMediaBox().getHeight() - MARGIN;
  }

  void heading(String text) throws IOException {
    float size = 20;
    float w = width(text, size);
    write(text, MARGIN + (width - w) / 2, y - size, size);
    y -= size + 2 * LEADING;
  }

  void row(String label, String value) throws IOException {
    if (value == null || value.isBlank()) {
      return;
    }
    List<String> lines = wrap(value.strip(), width - LABEL_WIDTH);
    write(label, MARGIN, y - SIZE, SIZE);
    for (String line : lines) {
      write(line, MARGIN + LABEL_WIDTH, y - SIZE, SIZE);
      y -= LEADING;
    }
    y -= 3;
  }

  void paragraph(String text) throws IOException {
    y -= LEADING / 2;
    for (String line : wrap(text, width)) {
      write(line, MARGIN, y - SIZE, SIZE);
      y -= LEADING;
    }
  }

  void rule() throws IOException {
    y -= LEADING / 3;
    out.setLineWidth(0.5f);
    out.moveTo(MARGIN, y);
    out.lineTo(MARGIN + width, y);
    out.stroke();
    y -= LEADING / 2;
  }

  void signature(String label, PDImageXObject image, String none) throws IOException {
    write(label, MARGIN, y - SIZE, SIZE);
    float boxHeight = 90;
    float boxWidth = 240;
    float top = y - 4;
    out.setLineWidth(0.5f);
    out.addRect(MARGIN + LABEL_WIDTH, top - boxHeight, boxWidth, boxHeight);
    out.stroke();
    if (image == null) {
      write(none, MARGIN + LABEL_WIDTH + 8, top - boxHeight / 2, SIZE);
    } else {
      float scale =
          Math.min((boxWidth - 8) / image.getWidth(), (boxHeight - 8) / (float) image.getHeight());
      float w = image.getWidth() * scale;
      float h = image.getHeight() * scale;
      out.drawImage(
          image,
          MARGIN + LABEL_WIDTH + (boxWidth - w) / 2,
          top - boxHeight + (boxHeight - h) / 2,
          w,
          h);
    }
    y = top - boxHeight - LEADING;
  }

  void footer(String text) throws IOException {
    float size = 8;
    write(text, MARGIN, MARGIN - size, size);
  }

  private void write(String text, float x, float baseline, float size) throws IOException {
    out.beginText();
    out.newLineAtOffset(x, baseline);
    for (int i = 0; i < text.length(); ) {
      PDFont f = fontFor(text.codePointAt(i));
      StringBuilder run = new StringBuilder();
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        if (fontFor(cp) != f) {
          break;
        }
        run.appendCodePoint(drawable(f, cp) ? cp : ' ');
        i += Character.charCount(cp);
      }
      out.setFont(f, size);
      out.showText(run.toString());
    }
    out.endText();
  }

  float width(String text, float size) throws IOException {
    float w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      PDFont f = fontFor(cp);
      w += f.getStringWidth(drawable(f, cp) ? new String(Character.toChars(cp)) : " ");
    }
    return w / 1000 * size;
  }

  /** Lines of at most {@code max} points, breaking anywhere (CJK has no spaces to break at). */
  private List<String> wrap(String text, float max) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String c = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
      float w = width(c, SIZE);
      if (used + w > max && !line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      line.append(c);
      used += w;
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The CJK font lacks Latin letters and digits: those (and spaces) are drawn in Helvetica, the
   * rest in the CJK font; a glyph neither has becomes a space.
   */
  private PDFont fontFor(int cp) {
    if (cp == ' ' || Character.isISOControl(cp)) {
      return latin;
    }
    return !drawable(cjk, cp) && drawable(latin, cp) ? latin : cjk;
  }

  private boolean drawable(PDFont font, int cp) {
    if (Character.isISOControl(cp)) {
      return false;
    }
    if (font == cjk) {
      return glyphs.test(cp);
    }
    try {
      font.encode(new String(Character.toChars(cp)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
