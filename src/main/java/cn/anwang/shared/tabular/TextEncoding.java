package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a text file: a byte order mark if there is one; otherwise UTF-8 if the whole file
 * decodes as strict UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese Excel and WPS
 * write when saving "CSV").
 *
 * @param charset the charset to decode with
 * @param bomLength bytes to skip at the start
 * @param nonAscii whether the file has any byte above 0x7F (ASCII is valid in every candidate)
 */
record TextEncoding(Charset charset, int bomLength, boolean nonAscii) {

  static final Charset GB18030 = Charset.forName("GB18030");

  static TextEncoding detect(Path file, byte[] head) {
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      return new TextEncoding(StandardCharsets.UTF_8, 3, true);
    }
    if (startsWith(head, 0xFF, 0xFE)) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 2, true);
    }
    if (startsWith(head, 0xFE, 0xFF)) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 2, true);
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          zeroEven++;
        } else {
          zeroOdd++;
        }
      }
    }
    // UTF-16 without a mark: ASCII text has a zero byte in every other position
    if (head.length >= 8 && zeroOdd > head.length * 0.4 && zeroEven == 0) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 0, true);
    }
    if (head.length >= 8 && zeroEven > head.length * 0.4 && zeroOdd == 0) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 0, true);
    }
    if (zeroEven + zeroOdd > 0 || controlCharacters(head) > head.length / 100) {
      throw TabularException.notATable(TabularException.NotATable.BINARY);
    }
    try {
      Utf8Scan scan = Utf8Scan.of(file);
      if (scan.invalid == 0) {
        return new TextEncoding(StandardCharsets.UTF_8, 0, scan.sequences > 0);
      }
      // A UTF-8 file with a few damaged bytes: decoding it as GBK would garble every Chinese
      // character without a trace; as UTF-8 the damaged cells show U+FFFD and are reported by row.
      if (scan.sequences >= 20L * scan.invalid) {
        return new TextEncoding(StandardCharsets.UTF_8, 0, true);
      }
      return new TextEncoding(GB18030, 0, true);
    } catch (IOException e) {
      throw TabularException.io(e);
    }
  }

  /** The name shown to users: GB18030 is what people call GBK. */
  String displayName() {
    return charset.equals(GB18030) ? "GBK/GB18030" : charset.name();
  }

  /** Counts well-formed multi-byte UTF-8 sequences and bytes that fit no sequence. */
  private static final class Utf8Scan {
    long sequences;
    long invalid;

    static Utf8Scan of(Path file) throws IOException {
      var scan = new Utf8Scan();
      byte[] buffer = new byte[64 * 1024];
      int kept = 0;
      try (InputStream in = Files.newInputStream(file)) {
        while (true) {
          int n = in.read(buffer, kept, buffer.length - kept);
          boolean end = n < 0;
          int length = kept + (end ? 0 : n);
          int i = scan.scan(buffer, length, end);
          kept = length - i;
          System.arraycopy(buffer, i, buffer, 0, kept);
          if (end) {
            return scan;
          }
        }
      }
    }

    /** Scans up to {@code length}; returns where an incomplete sequence at the end starts. */
    private int scan(byte[] bytes, int length, boolean end) {
      int i = 0;
      while (i < length) {
        int b = bytes[i] & 0xFF;
        if (b < 0x80) {
          i++;
          continue;
        }
        int size;
        int low = 0x80;
        int high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
          size = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
          size = 3;
          low = b == 0xE0 ? 0xA0 : 0x80;
          high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
          size = 4;
          low = b == 0xF0 ? 0x90 : 0x80;
          high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
          invalid++;
          i++;
          continue;
        }
        if (i + size > length && !end) {
          return i;
        }
        boolean ok = i + size <= length;
        for (int k = 1; ok && k < size; k++) {
          int c = bytes[i + k] & 0xFF;
          ok = k == 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xBF;
        }
        if (ok) {
          sequences++;
          i += size;
        } else {
          invalid++;
          i++;
        }
      }
      return length;
    }
  }

  private static int controlCharacters(byte[] head) {
    int count = 0;
    for (byte b : head) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C && b != 0x1A) {
        count++;
      }
    }
    return count;
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
