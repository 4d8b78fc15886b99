package cn.anwang.shared.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The little of a JPEG's EXIF that inspections and public reports keep: when the photo was taken
 * (DateTimeOriginal, else DateTime; with OffsetTimeOriginal when present, else China time) and
 * where (the GPS latitude and longitude). A minimal reader of the APP1 segment's TIFF structure;
 * any malformed or missing part is simply absent, never an error.
 */
public final class Exif {

  /** What was found; each part may be null. */
  public record Data(Instant takenAt, Double lon, Double lat) {
    public static final Data NONE = new Data(null, null, null);
  }

  private static final DateTimeFormatter EXIF_TIME =
      DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private final byte[] b;
  private int tiff;
  private boolean little;

  private Exif(byte[] b) {
    this.b = b;
  }

  public static Data read(byte[] jpeg) {
    try {
      return new Exif(jpeg).parse();
    } catch (RuntimeException e) {
      return Data.NONE;
    }
  }

  private Data parse() {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return Data.NONE;
    }
    int p = 2;
    while (p + 4 <= b.length) {
      if ((b[p] & 0xFF) != 0xFF) {
        return Data.NONE;
      }
      int marker = b[p + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        return Data.NONE;
      }
      int length = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
      if (marker == 0xE1
          && length >= 8
          && new String(b, p + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
        return tiff(p + 10);
      }
      p += 2 + length;
    }
    return Data.NONE;
  }

  private Data tiff(int start) {
    tiff = start;
    little = b[start] == 'I';
    int ifd0 = u32(start + 4);
    String dateTime = null;
    String original = null;
    String offset = null;
    Double lat = null;
    Double lon = null;
    int exifIfd = -1;
    int gpsIfd = -1;
    int n = u16(tiff + ifd0);
    for (int i = 0; i < n; i++) {
      int e = tiff + ifd0 + 2 + i * 12;
      int tag = u16(e);
      if (tag == 0x0132) {
        dateTime = ascii(e);
      } else if (tag == 0x8769) {
        exifIfd = u32(e + 8);
      } else if (tag == 0x8825) {
        gpsIfd = u32(e + 8);
      }
    }
    if (exifIfd > 0) {
      int m = u16(tiff + exifIfd);
      for (int i = 0; i < m; i++) {
        int e = tiff + exifIfd + 2 + i * 12;
        int tag = u16(e);
        if (tag == 0x9003) {
          original = ascii(e);
        } else if (tag == 0x9011) {
          offset = ascii(e);
        }
      }
    }
    if (gpsIfd > 0) {
      String latRef = null;
      String lonRef = null;
      int m = u16(tiff + gpsIfd);
      for (int i = 0; i < m; i++) {
        int e = tiff + gpsIfd + 2 + i * 12;
        switch (u16(e)) {
          case 1 -> latRef = ascii(e);
          case 2 -> lat = degrees(e);
          case 3 -> lonRef = ascii(e);
          case 4 -> lon = degrees(e);
          default -> {}
        }
      }
      if (lat != null && "S".equals(latRef)) {
        lat = -lat;
      }
      if (lon != null && "W".equals(lonRef)) {
        lon = -lon;
      }
      if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        lat = null;
        lon = null;
      }
    }
    return new Data(time(original != null ? original : dateTime, offset), lon, lat);
  }

  private static Instant time(String text, String offset) {
    if (text == null) {
      return null;
    }
    try {
      ZoneOffset zone = CHINA;
      if (offset != null && offset.matches("[+-]\\d{2}:\\d{2}")) {
        zone = ZoneOffset.of(offset);
      }
      return LocalDateTime.parse(text.strip(), EXIF_TIME).toInstant(zone);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Three RATIONALs (degrees, minutes, seconds) as decimal degrees. */
  private Double degrees(int entry) {
    if (u16(entry + 2) != 5 || u32(entry + 4) != 3) {
      return null;
    }
    int at = tiff + u32(entry + 8);
    double d = rational(at);
    double m = rational(at + 8);
    double s = rational(at + 16);
    return d + m / 60 + s / 3600;
  }

  private double rational(int at) {
    long num = u32(at) & 0xFFFFFFFFL;
    long den = u32(at + 4) & 0xFFFFFFFFL;
    return den == 0 ? 0 : (double) num / den;
  }

  private String ascii(int entry) {
    if (u16(entry + 2) != 2) {
      return null;
    }
    int count = u32(entry + 4);
    int at = count <= 4 ? entry + 8 : tiff + u32(entry + 8);
    int len = count;
    while (len > 0 && b[at + len - 1] == 0) {
      len--;
    }
    return new String(b, at, len, StandardCharsets.ISO_8859_1);
  }

  private int u16(int at) {
    int a = b[at] & 0xFF;
    int c = b[at + 1] & 0xFF;
    return little ? (c << 8) | a : (a << 8) | c;
  }

  private int u32(int at) {
    int x0 = b[at] & 0xFF;
    int x1 = b[at + 1] & 0xFF;
    int x2 = b[at + 2] & 0xFF;
    int x3 = b[at + 3] & 0xFF;
    return little
        ? (x3 << 24) | (x2 << 16) | (x1 << 8) | x0
        : (x0 << 24) | (x1 << 16) | (x2 << 8) | x3;
  }
}
