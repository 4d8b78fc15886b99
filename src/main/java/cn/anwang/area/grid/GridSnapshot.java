package cn.anwang.area.grid;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * A grid as the audit log keeps it: every attribute, and the geometry as a SHA-256 of its WKB, so a
 * change of shape is visible without copying megabytes into the log.
 */
record GridSnapshot(
    String code,
    String name,
    String divisionCode,
    String type,
    String externalId,
    long areaM2,
    String geometrySha256) {

  static GridSnapshot of(GridRow row) {
    return new GridSnapshot(
        row.code(),
        row.name(),
        row.divisionCode(),
        row.type().name(),
        row.externalId(),
        Math.round(row.areaM2()),
        row.geometry() == null ? null : sha256(row.geometry()));
  }

  static GridSnapshot of(GridDraft draft) {
    return new GridSnapshot(
        draft.code(),
        draft.name(),
        draft.divisionCode(),
        draft.type().name(),
        draft.externalId(),
        Math.round(draft.areaM2()),
        sha256(draft.geometry()));
  }

  static String sha256(Geometry geometry) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(new WKBWriter().write(geometry));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
