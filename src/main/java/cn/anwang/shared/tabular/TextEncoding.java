package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
      throw TabularException.notATable("不是文本文件");
    }
    try {
      return validUtf8(file)
          ? new TextEncoding(StandardCharsets.UTF_8, 0, hasNonAscii(file))
          : new TextEncoding(GB18030, 0, true);
    } catch (IOException e) {
      throw TabularException.io(e);
    }
  }

  /** The name shown to users: GB18030 is what people call GBK. */
  String displayName() {
    return charset.equals(GB18030) ? "GBK/GB18030" : charset.name();
  }

  private static boolean validUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    try (var channel = Files.newByteChannel(file)) {
      while (true) {
        int n = channel.read(in);
        boolean end = n < 0;
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
          return false;
        }
        out.clear();
        in.compact();
        if (end) {
          return !decoder.flush(out).isError();
        }
      }
    }
  }

  private static boolean hasNonAscii(Path file) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] < 0) {
            return true;
          }
        }
      }
    }
    return false;
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
