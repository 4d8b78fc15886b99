package cn.anwang.outreach.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Draws a 送达回证 (proof of delivery) of one document to one object as a one-page A4 PDF: the
 * document, the object, how and when it was received and by whom, the position and the drawn
 * signature of an in-person delivery. The CJK font ({@code fonts/DroidSansFallbackFull.ttf},
 * Apache-2.0, see {@code fonts/README.md}) is read once; each PDF embeds only the glyphs it uses.
 */
@Component
class ReceiptPdf {

  /** What a receipt shows; the texts as stored, the labels from {@code i18n/receipt}. */
  record Receipt(
      String receiptNumber,
      String documentTitle,
      String documentNumber,
      String issuer,
      Instant publishedAt,
      LocalDate receiptDeadline,
      String objectName,
      String objectAddress,
      String gridName,
      String status,
      String method,
      String signerName,
      Instant receivedAt,
      String signedByAccount,
      String officerName,
      Double lon,
      Double lat,
      Boolean outsideAllowedArea,
      byte[] signaturePng,
      int photoCount,
      Instant generatedAt) {}

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final float MARGIN = 56;
  private static final float LABEL_WIDTH = 130;
  private static final float SIZE = 11;
  private static final float LEADING = 17;

  private final byte[] font;
  private final MessageSource messages;

  ReceiptPdf(MessageSource messages) {
    this.messages = messages;
    try (InputStream in =
        new ClassPathResource("fonts/DroidSansFallbackFull.ttf").getInputStream()) {
      this.font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The receipt font is missing from the classpath", e);
    }
  }

  byte[] render(Receipt r, Locale locale) {
    try (PDDocument doc = new PDDocument();
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
      PDType0Font cjk = PDType0Font.load(doc, ttf, true);
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(text("receipt.heading", locale) + " " + r.receiptNumber());
      info.setCreator("Anwang");
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      Page p = new Page(doc, page, cjk, cp -> cmap.getGlyphId(cp) > 0);
      try (p) {
        p.heading(text("receipt.heading", locale));
        p.row(text("receipt.number", locale), r.receiptNumber());
        p.row(text("receipt.document", locale), r.documentTitle());
        p.row(text("receipt.documentNumber", locale), r.documentNumber());
        p.row(text("receipt.issuer", locale), r.issuer());
        p.row(text("receipt.publishedAt", locale), time(r.publishedAt()));
        p.row(text("receipt.deadline", locale), r.receiptDeadline().toString());
        p.rule();
        p.row(text("receipt.object", locale), r.objectName());
        p.row(text("receipt.address", locale), r.objectAddress());
        p.row(text("receipt.grid", locale), r.gridName());
        p.rule();
        p.row(text("receipt.status", locale), text("receipt.status." + r.status(), locale));
        if (r.method() != null) {
          p.row(text("receipt.method", locale), text("receipt.method." + r.method(), locale));
          p.row(text("receipt.signer", locale), r.signerName());
          p.row(text("receipt.receivedAt", locale), time(r.receivedAt()));
          p.row(text("receipt.signedByAccount", locale), r.signedByAccount());
          p.row(text("receipt.officer", locale), r.officerName());
          if (r.lon() != null && r.lat() != null) {
            String where =
                text(
                    "receipt.position.value",
                    locale,
                    String.format(Locale.ROOT, "%.6f", r.lon()),
                    String.format(Locale.ROOT, "%.6f", r.lat()));
            if (Boolean.TRUE.equals(r.outsideAllowedArea())) {
              where += " " + text("receipt.position.outside", locale);
            }
            p.row(text("receipt.position", locale), where);
          }
          if ("IN_PERSON".equals(r.method())) {
            p.row(
                text("receipt.photos", locale),
                text("receipt.photos.value", locale, r.photoCount()));
            p.signature(
                text("receipt.signature", locale),
                r.signaturePng() == null ? null : image(doc, r.signaturePng()),
                text("receipt.noSignature", locale));
          }
        } else {
          p.paragraph(text("receipt.unsigned", locale));
        }
        p.footer(text("receipt.footer", locale, time(r.generatedAt())));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The receipt could not be drawn", e);
    }
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private static String time(Instant t) {
    return t == null ? null : TIME.format(t.atZone(BEIJING));
  }

  private static PDImageXObject image(PDDocument doc, byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    return img == null ? null : LosslessFactory.createFromImage(doc, img);
  }

  /** A page written top-down: label/value rows with the values wrapped to the width. */
  private static final class Page implements AutoCloseable {

    private final PDPageContentStream out;
    private final PDType0Font cjk;
    private final IntPredicate glyphs;
    private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final float width;
    private float y;

    Page(PDDocument doc, PDPage page, PDType0Font font, IntPredicate glyphs) throws IOException {
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
            Math.min(
                (boxWidth - 8) / image.getWidth(), (boxHeight - 8) / (float) image.getHeight());
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
}
