package cn.anwang.shared.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * RFC 4180 records of a CSV file: fields in double quotes may hold the separator, quotes ("") and
 * line breaks; records end in CRLF, LF or CR. A record's number is its position in the file (what
 * Excel shows as the row number when it opens the CSV), not its line number in a text editor.
 * Lenient where Excel is: a quote inside an unquoted field is kept as is.
 */
final class CsvRows implements RawRows {

  /** Excel's limit for one cell; a longer field almost always means an unclosed quote. */
  static final int MAX_FIELD_LENGTH = 32_767;

  private final Path file;
  private final TextEncoding encoding;
  private final char separator;

  CsvRows(Path file, TextEncoding encoding) {
    this.file = file;
    this.encoding = encoding;
    this.separator = detectSeparator();
  }

  char separator() {
    return separator;
  }

  @Override
  public void read(Consumer consumer) {
    try (Reader reader = open()) {
      var parser = new Parser(reader, separator);
      while (parser.next()) {
        if (!consumer.accept(parser.record, parser.fields, parser.count)) {
          return;
        }
      }
    } catch (IOException e) {
      throw TabularException.io(e);
    }
  }

  @Override
  public void close() {}

  private Reader open() throws IOException {
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(encoding.bomLength());
    var decoder =
        encoding
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
  }

  /** Comma unless the first line has more tabs (Excel's "Unicode text") or semicolons. */
  private char detectSeparator() {
    try (Reader reader = open()) {
      int commas = 0;
      int tabs = 0;
      int semicolons = 0;
      boolean quoted = false;
      boolean content = false;
      for (int i = 0, c; i < 64 * 1024 && (c = reader.read()) >= 0; i++) {
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
          if (content) {
            break;
          }
        } else if (!quoted) {
          content = true;
          switch (c) {
            case ',' -> commas++;
            case '\t' -> tabs++;
            case ';' -> semicolons++;
            default -> {}
          }
        }
      }
      if (tabs > commas && tabs >= semicolons) {
        return '\t';
      }
      return semicolons > commas ? ';' : ',';
    } catch (IOException e) {
      throw TabularException.io(e);
    }
  }

  private static final class Parser {
    private static final int END = -1;

    private final Reader reader;
    private final char separator;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private final StringBuilder field = new StringBuilder(64);
    String[] fields = new String[32];
    int count;
    int record;

    Parser(Reader reader, char separator) {
      this.reader = reader;
      this.separator = separator;
    }

    boolean next() throws IOException {
      if (peek() == END) {
        return false;
      }
      record++;
      count = 0;
      while (true) {
        field.setLength(0);
        int c = read();
        if (c == '"') {
          while (true) {
            c = read();
            if (c == END) {
              throw TabularException.unclosedQuote(record);
            }
            if (c == '"') {
              if (peek() == '"') {
                read();
              } else {
                c = read();
                break;
              }
            }
            append(c);
          }
        }
        while (c != separator && c != '\n' && c != '\r' && c != END) {
          append(c);
          c = read();
        }
        add(field.toString());
        if (c == separator) {
          continue;
        }
        if (c == '\r' && peek() == '\n') {
          read();
        }
        return true;
      }
    }

    private void append(int c) {
      if (field.length() >= MAX_FIELD_LENGTH) {
        throw TabularException.fieldTooLong(record, MAX_FIELD_LENGTH);
      }
      field.append((char) c);
    }

    private void add(String value) {
      if (count == fields.length) {
        fields = Arrays.copyOf(fields, count * 2);
      }
      fields[count++] = value;
    }

    private int read() throws IOException {
      int c = peek();
      if (c != END) {
        position++;
      }
      return c;
    }

    private int peek() throws IOException {
      if (position == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return END;
        }
      }
      return buffer[position];
    }
  }
}
