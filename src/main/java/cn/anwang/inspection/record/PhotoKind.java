package cn.anwang.inspection.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The photo types an inspection accepts, recognised by their first bytes, not by name or claim. */
enum PhotoKind {
  JPEG("image/jpeg"),
  PNG("image/png"),
  WEBP("image/webp");

  final String contentType;

  PhotoKind(String contentType) {
    this.contentType = contentType;
  }

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  static Optional<PhotoKind> sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (b.length >= 12
        && new String(b, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
        && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }
}
