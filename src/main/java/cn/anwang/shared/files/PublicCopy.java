package cn.anwang.shared.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The copy of a photo that may be shown to the public: the same picture without what the camera
 * wrote about where, when and with what. Lossless, by dropping segments and chunks rather than
 * re-encoding: for JPEG every APP1–APP15 segment (EXIF with GPS, XMP, ICC, maker notes) and every
 * comment, keeping APP0 (JFIF) and all image data; for PNG the eXIf, tEXt, iTXt, zTXt and tIME
 * chunks. WebP (whose EXIF and XMP sit in RIFF chunks of an extended file) is not copied: empty, so
 * the caller keeps such a photo for staff only.
 */
public final class PublicCopy {

  private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");

  private PublicCopy() {}

  /** The stripped copy, or empty when the kind cannot be stripped or the file is malformed. */
  public static Optional<byte[]> of(byte[] content, FileKind kind) {
    try {
      return switch (kind) {
        case JPEG -> Optional.of(jpeg(content));
        case PNG -> Optional.of(png(content));
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] jpeg(byte[] b) {
    if ((b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      throw new IllegalArgumentException("not a JPEG");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(0xFF);
    out.write(0xD8);
    int p = 2;
    while (true) {
      if ((b[p] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("no marker at " + p);
      }
      int marker = b[p + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        p++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        // start of scan: the entropy-coded image data and everything after it, as they are
        out.write(b, p, b.length - p);
        return out.toByteArray();
      }
      int length = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
      if (length < 2 || p + 2 + length > b.length) {
        throw new IllegalArgumentException("bad segment length at " + p);
      }
      boolean metadata = (marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE;
      if (!metadata) {
        out.write(b, p, 2 + length);
      }
      p += 2 + length;
    }
  }

  private static byte[] png(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, 8);
    int p = 8;
    while (p + 12 <= b.length) {
      long length =
          ((b[p] & 0xFFL) << 24)
              | ((b[p + 1] & 0xFF) << 16)
              | ((b[p + 2] & 0xFF) << 8)
              | (b[p + 3] & 0xFF);
      if (length > b.length - p - 12) {
        throw new IllegalArgumentException("bad chunk length at " + p);
      }
      String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
      int total = (int) length + 12;
      if (!PNG_DROPPED.contains(type)) {
        out.write(b, p, total);
      }
      p += total;
      if (type.equals("IEND")) {
        return out.toByteArray();
      }
    }
    throw new IllegalArgumentException("no IEND");
  }
}
