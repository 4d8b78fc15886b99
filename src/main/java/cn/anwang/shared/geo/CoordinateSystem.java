package cn.anwang.shared.geo;

import java.util.Locale;
import java.util.Optional;

/**
 * The coordinate systems in use in China. WGS-84 is what Anwang stores; GCJ-02 (国测局坐标, used by
 * AMap/Tencent/Apple maps in China) and BD-09 (Baidu) are accepted as input and converted.
 */
public enum CoordinateSystem {
  WGS84,
  GCJ02,
  BD09;

  /** The lower-case key used in the API ({@code wgs84}, {@code gcj02}, {@code bd09}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a key case-insensitively; empty for anything else (including null). */
  public static Optional<CoordinateSystem> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String normal = key.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (CoordinateSystem crs : values()) {
      if (crs.name().equals(normal)) {
        return Optional.of(crs);
      }
    }
    return Optional.empty();
  }
}
