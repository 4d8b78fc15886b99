package cn.anwang.shared.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Tiny test images: a JPEG whose EXIF carries a time and a GPS position, and a PNG. */
public final class TestPhotos {

  private TestPhotos() {}

  /** A (not decodable, but correctly framed) JPEG with EXIF DateTimeOriginal and GPS. */
  public static byte[] jpegWithExif(
      String dateTime, int latDeg, int latMin, int lonDeg, int lonMin) {
    ByteBuffer t = ByteBuffer.allocate(210);
    t.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
    // IFD0 at 8: DateTime, ExifIFD pointer, GPS pointer
    t.putShort((short) 3);
    entry(t, 0x0132, 2, 20, 50);
    entry(t, 0x8769, 4, 1, 70);
    entry(t, 0x8825, 4, 1, 108);
    t.putInt(0);
    t.put(ascii20("2000:01:01 00:00:00"));
    // Exif IFD at 70: DateTimeOriginal
    t.putShort((short) 1);
    entry(t, 0x9003, 2, 20, 88);
    t.putInt(0);
    t.put(ascii20(dateTime));
    // GPS IFD at 108
    t.putShort((short) 4);
    t.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    entry(t, 2, 5, 3, 162);
    t.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
    entry(t, 4, 5, 3, 186);
    t.putInt(0);
    t.putInt(latDeg).putInt(1).putInt(latMin).putInt(1).putInt(0).putInt(1);
    t.putInt(lonDeg).putInt(1).putInt(lonMin).putInt(1).putInt(0).putInt(1);
    byte[] tiff = t.array();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    int len = 2 + 6 + tiff.length;
    out.write(len >> 8);
    out.write(len & 0xFF);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(tiff);
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  /**
   * A real, decodable JPEG of {@code width} × {@code height} (drawn by ImageIO) with the same EXIF
   * segment as {@link #jpegWithExif} and a comment, right after its start marker.
   */
  public static byte[] decodableJpegWithExif(
      int width, int height, String dateTime, int latDeg, int latMin, int lonDeg, int lonMin) {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 0x40);
      }
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "jpg", plain);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] jpeg = plain.toByteArray();
    byte[] exif = jpegWithExif(dateTime, latDeg, latMin, lonDeg, lonMin);
    byte[] comment = "GPS 39.1 117.2 Xiaomi".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(exif, 2, exif.length - 4); // its APP1 segment, without its SOI and EOI
    out.write(0xFF);
    out.write(0xFE);
    out.write((comment.length + 2) >> 8);
    out.write((comment.length + 2) & 0xFF);
    out.writeBytes(comment);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The 8-byte PNG signature and an IHDR-sized tail: enough for content sniffing. */
  public static byte[] png() {
    byte[] b = new byte[64];
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, b, 0, 8);
    return b;
  }

  private static void entry(ByteBuffer t, int tag, int type, int count, int value) {
    t.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  private static byte[] ascii20(String s) {
    byte[] b = new byte[20];
    byte[] src = s.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(src, 0, b, 0, Math.min(19, src.length));
    return b;
  }
}
