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
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
      ReceiptPage p = new ReceiptPage(doc, page, cjk, cp -> cmap.getGlyphId(cp) > 0);
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
}
