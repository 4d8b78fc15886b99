package cn.anwang.assessment.report;

import cn.anwang.shared.pdf.CjkFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report's blocks as an A4 PDF in the shipped CJK font: the title, the unit and period, then each
 * block as a titled table (its header repeated on each page), and a footer with the page number and
 * the moment of generation on every page.
 */
@Component
class ReportPdf {

  private final CjkFont font;
  private final MessageSource messages;

  ReportPdf(CjkFont font, MessageSource messages) {
    this.font = font;
    this.messages = messages;
  }

  byte[] write(ReportContext c, List<ReportBlock> blocks) {
    Locale l = c.locale();
    String title = t(l, "title." + c.kind());
    try (PDDocument doc = new PDDocument();
        CjkFont.Embedded cjk = font.embed(doc)) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(c.unitName() + " " + c.period().label() + " " + title);
      info.setCreator("Anwang");
      try (PdfLayout p = new PdfLayout(doc, cjk)) {
        p.title(title);
        p.line(t(l, "pdf.subtitle", c.unitName(), c.unitCode(), c.period().label()), 11);
        p.line(
            t(
                l,
                "pdf.generated",
                SummarySection.TIME.format(c.generatedAt()),
                c.generatedBy() == null ? t(l, "summary.scheduler") : c.generatedBy()),
            9);
        for (ReportBlock b : blocks) {
          p.table(b);
        }
      }
      String generated = SummarySection.TIME.format(c.generatedAt());
      PdfLayout.footers(
          doc, cjk, (page, pages) -> t(l, "pdf.footer", page, pages, title, generated));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The report could not be drawn", e);
    }
  }

  private String t(Locale l, String key, Object... args) {
    return messages.getMessage("assessment.report." + key, args, l);
  }
}
