package cn.anwang.shared.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a case accepts, recognised by their first bytes (the name and the type the client
 * claims are not trusted): JPEG, PNG and WebP photos, PDF documents.
 */
public enum FileKind {
  JPEG("image/jpeg", true),
  PNG("image/png", true),
  WEBP("image/webp", true),
  PDF("application/pdf", false);

  private final String contentType;
  private final boolean photo;

  FileKind(String contentType, boolean photo) {
    this.contentType = contentType;
    this.photo = photo;
  }

  public String contentType() {
    return contentType;
  }

  public boolean photo() {
    return photo;
  }

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  /** The kind of a file by its content, or empty when it is none of the accepted ones. */
  public static Optional<FileKind> sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (b.length >= 5 && ascii(b, 0, 5).equals("%PDF-")) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  /** The kind of a stored content type. */
  public static Optional<FileKind> ofContentType(String contentType) {
    return Arrays.stream(values()).filter(k -> k.contentType.equals(contentType)).findFirst();
  }

  private static String ascii(byte[] b, int from, int length) {
    return new String(b, from, length, StandardCharsets.ISO_8859_1);
  }
}
