package cn.anwang.shared.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped CJK font ({@code fonts/DroidSansFallbackFull.ttf}, Droid Sans Fallback, Apache-2.0,
 * see {@code fonts/README.md}): its 4 MB are read from the classpath once, when the application
 * starts; each PDF embeds only the glyphs it uses (a subset), so it reads the same on any machine.
 */
@Component
public class CjkFont {

  private static final String RESOURCE = "fonts/DroidSansFallbackFull.ttf";

  private final byte[] bytes;

  public CjkFont() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      this.bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The CJK font is missing from the classpath", e);
    }
  }

  /**
   * The font embedded (as a subset) into a document. Close it after the document is saved: the
   * subset is cut from the parsed font when the document is written. The parsed font is one per
   * document because PDFBox's font reader is not safe to share between threads.
   */
  public Embedded embed(PDDocument doc) throws IOException {
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    return new Embedded(PDType0Font.load(doc, ttf, true), ttf, ttf.getUnicodeCmapLookup());
  }

  /**
   * A font embedded into one document, with Helvetica for what it has no glyph for (the fallback
   * font lacks ASCII letters and digits), and a space for what neither can draw.
   */
  public record Embedded(PDType0Font font, TrueTypeFont ttf, CmapLookup cmap, PDFont latin)
      implements Closeable {

    Embedded(PDType0Font font, TrueTypeFont ttf, CmapLookup cmap) {
      this(font, ttf, cmap, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    }

    /** A stretch of text drawn in one font. */
    public record Run(PDFont font, String text) {}

    /** The text cut into runs of one font each, undrawable characters as spaces. */
    public List<Run> runs(String text) {
      List<Run> runs = new ArrayList<>();
      PDFont current = null;
      StringBuilder run = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        boolean cjkGlyph = cmap.getGlyphId(cp) > 0;
        PDFont f;
        if (cp == ' ' || Character.isISOControl(cp)) {
          f = latin;
          cp = ' ';
        } else if (cp <= 0x7f && encodes(latin, cp) || !cjkGlyph && encodes(latin, cp)) {
          f = latin;
        } else if (cjkGlyph) {
          f = font;
        } else {
          f = latin;
          cp = ' ';
        }
        if (f != current && run.length() > 0) {
          runs.add(new Run(current, run.toString()));
          run.setLength(0);
        }
        current = f;
        run.appendCodePoint(cp);
      }
      if (run.length() > 0) {
        runs.add(new Run(current, run.toString()));
      }
      return runs;
    }

    /** The width of the text in points at a font size. */
    public float width(String text, float size) throws IOException {
      float w = 0;
      for (Run r : runs(text)) {
        w += r.font().getStringWidth(r.text());
      }
      return w / 1000 * size;
    }

    /** Shows the text at the current text position (between beginText and endText). */
    public void show(PDPageContentStream out, String text, float size) throws IOException {
      for (Run r : runs(text)) {
        out.setFont(r.font(), size);
        out.showText(r.text());
      }
    }

    private static boolean encodes(PDFont f, int cp) {
      try {
        f.encode(new String(Character.toChars(cp)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    @Override
    public void close() throws IOException {
      ttf.close();
    }
  }
}
