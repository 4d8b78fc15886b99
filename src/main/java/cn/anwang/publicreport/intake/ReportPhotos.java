package cn.anwang.publicreport.intake;

import cn.anwang.shared.files.Exif;
import cn.anwang.shared.files.FileKind;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.files.PublicCopy;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The photos of a public report: checked all before anything is kept (at most five, each within the
 * size limit, a JPEG, PNG or WebP by its content whatever its name says), the EXIF time and place
 * read for the staff, the original stored for staff only and the stripped copy ({@link PublicCopy})
 * as the only one that may ever be shown publicly, after a member of staff approved it. Files are
 * content-addressed, so a retried submission writes nothing new.
 */
@Component
class ReportPhotos {

  static final int MAX_PHOTOS = 5;

  /** A photo as uploaded. */
  record Upload(String name, byte[] content) {}

  /** A photo that passed the checks. */
  record Checked(FileKind kind, byte[] content, byte[] publicCopy, Exif.Data exif, String sha) {}

  private final FileStore files;
  private final JdbcClient jdbc;
  private final PublicReportProperties properties;

  ReportPhotos(FileStore files, JdbcClient jdbc, PublicReportProperties properties) {
    this.files = files;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Every photo checked, or the first refusal (naming the photo by its place, 1-based). */
  List<Checked> check(List<Upload> uploads) {
    List<Upload> real = uploads.stream().filter(u -> u.content().length > 0).toList();
    if (real.size() > MAX_PHOTOS) {
      throw new IntakeRejected("photos", "publicreport.rule.photoCount", MAX_PHOTOS);
    }
    List<Checked> checked = new ArrayList<>();
    for (int i = 0; i < real.size(); i++) {
      byte[] content = real.get(i).content();
      if (content.length > properties.maxPhotoBytes()) {
        throw new IntakeRejected(
            "photos", "publicreport.rule.photoTooLarge", i + 1, properties.maxPhotoBytes() >> 20);
      }
      int n = i + 1;
      FileKind kind =
          FileKind.sniff(content)
              .filter(FileKind::photo)
              .orElseThrow(() -> new IntakeRejected("photos", "publicreport.rule.photoType", n));
      Exif.Data exif = kind == FileKind.JPEG ? Exif.read(content) : Exif.Data.NONE;
      checked.add(
          new Checked(
              kind,
              content,
              PublicCopy.of(content, kind).orElse(null),
              exif,
              FileStore.sha256(content)));
    }
    return checked;
  }

  /** Writes the files (before the transaction commits the rows that name them). */
  void store(List<Checked> photos) {
    for (Checked p : photos) {
      files.put(originalKey(p.sha()), p.content());
      if (p.publicCopy() != null) {
        files.put(publicKey(p.sha()), p.publicCopy());
      }
    }
  }

  /** The rows, inside the report's transaction. */
  void insert(long reportId, String districtCode, List<Checked> photos) {
    for (Checked p : photos) {
      jdbc.sql(
              """
              INSERT INTO public_report_photo (report_id, district_code, file_key, public_key,
                content_type, size_bytes, exif_lon, exif_lat, exif_taken_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              reportId,
              districtCode,
              originalKey(p.sha()),
              p.publicCopy() == null ? null : publicKey(p.sha()),
              p.kind().contentType(),
              p.content().length,
              p.exif().lon(),
              p.exif().lat(),
              p.exif().takenAt() == null ? null : Timestamp.from(p.exif().takenAt()))
          .update();
    }
  }

  private static String originalKey(String sha) {
    return "public-reports/original/" + sha.substring(0, 2) + "/" + sha;
  }

  private static String publicKey(String sha) {
    return "public-reports/public/" + sha.substring(0, 2) + "/" + sha;
  }
}
