package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings kept out of the heap. Excel saves every text cell as an index into
 * one table of strings; for 300,000 objects with unique names, addresses and phone numbers that is
 * about a million strings, which as Java strings (POI's {@code ReadOnlySharedStringsTable}) need
 * several hundred MB. Here the text goes to a temporary file read through a memory map, and the
 * heap holds one {@code int} per string. Phonetic runs ({@code rPh}) are left out, as Excel shows
 * them.
 */
final class SpilledSharedStrings implements SharedStrings, AutoCloseable {

  private final Path file;
  private final int[] starts;
  private final int count;
  private final CharBuffer text;

  private SpilledSharedStrings(Path file, int[] starts, int count, CharBuffer text) {
    this.file = file;
    this.starts = starts;
    this.count = count;
    this.text = text;
  }

  static SpilledSharedStrings read(OPCPackage pkg) throws Exception {
    Path file = Files.createTempFile("anwang-tabular-sst-", ".tmp");
    try {
      var writer = new Writer(Files.newOutputStream(file));
      var parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
      if (!parts.isEmpty()) {
        PackagePart part = parts.get(0);
        try (InputStream in = part.getInputStream()) {
          var parser = XMLHelper.newXMLReader();
          parser.setContentHandler(writer);
          parser.parse(new InputSource(in));
        }
      }
      writer.finish();
      CharBuffer text;
      try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
        text = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).asCharBuffer();
      }
      return new SpilledSharedStrings(file, writer.starts, writer.count, text);
    } catch (Exception | Error e) {
      Spool.delete(file);
      throw e;
    }
  }

  @Override
  public RichTextString getItemAt(int idx) {
    if (idx < 0 || idx >= count) {
      return new PlainText("");
    }
    int start = starts[idx];
    char[] chars = new char[starts[idx + 1] - start];
    text.get(start, chars);
    return new PlainText(new String(chars));
  }

  @Override
  public int getCount() {
    return count;
  }

  @Override
  public int getUniqueCount() {
    return count;
  }

  @Override
  public void close() {
    // the mapping lives until collected; on Linux the deleted file's pages go with it
    Spool.delete(file);
  }

  /** Parses {@code <si>} items and appends their text as UTF-16 to the file. */
  private static final class Writer extends DefaultHandler {
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final StringBuilder item = new StringBuilder();
    int[] starts = new int[1024];
    int count;
    private long position;
    private boolean inText;
    private int phonetic;

    Writer(OutputStream out) {
      this.out = out;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (local(localName, qName)) {
        case "si" -> item.setLength(0);
        case "rPh" -> phonetic++;
        case "t" -> inText = phonetic == 0;
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (local(localName, qName)) {
        case "si" -> add();
        case "rPh" -> phonetic--;
        case "t" -> inText = false;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        item.append(ch, start, length);
      }
    }

    private void add() {
      if (count + 1 >= starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      if (position + item.length() > Integer.MAX_VALUE) {
        throw new IllegalStateException("Shared strings too large");
      }
      starts[count++] = (int) position;
      try {
        for (int i = 0; i < item.length(); i++) {
          if (buffer.remaining() < 2) {
            flush();
          }
          buffer.putChar(item.charAt(i));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      position += item.length();
      starts[count] = (int) position;
    }

    private void flush() throws IOException {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }

    void finish() throws IOException {
      try (out) {
        flush();
      }
    }

    private static String local(String localName, String qName) {
      if (localName != null && !localName.isEmpty()) {
        return localName;
      }
      int colon = qName.indexOf(':');
      return colon < 0 ? qName : qName.substring(colon + 1);
    }
  }

  /** Just the text: the sheet handler only asks for the string. */
  private record PlainText(String text) implements RichTextString {

    @Override
    public String getString() {
      return text;
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public int numFormattingRuns() {
      return 0;
    }

    @Override
    public int getIndexOfFormattingRun(int index) {
      return 0;
    }

    @Override
    public void applyFont(int startIndex, int endIndex, short fontIndex) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void applyFont(int startIndex, int endIndex, Font font) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void applyFont(Font font) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void clearFormatting() {}

    @Override
    public void applyFont(short fontIndex) {
      throw new UnsupportedOperationException();
    }
  }
}
