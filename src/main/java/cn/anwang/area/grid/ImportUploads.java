package cn.anwang.area.grid;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploads waiting for their confirmation on the import page, owned by the user who sent them. */
@Repository
class ImportUploads {

  /** A stored upload. */
  record Upload(UUID token, String fileName, boolean repair, byte[] content) {}

  private final JdbcClient jdbc;
  private final GridsProperties properties;

  ImportUploads(JdbcClient jdbc, GridsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  UUID save(String username, String fileName, boolean repair, byte[] content) {
    deleteExpired();
    UUID token = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO grid_import_upload (token, username, file_name, repair, content)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(token, username, fileName, repair, content)
        .update();
    return token;
  }

  /** The user's upload, unless it expired (or belongs to someone else). */
  Optional<Upload> find(UUID token, String username) {
    return jdbc.sql(
            "SELECT token, file_name, repair, content FROM grid_import_upload"
                + " WHERE token = ? AND username = ? AND created_at > now() - ?::interval")
        .params(token, username, interval(properties.uploadRetention()))
        .query(
            (rs, n) ->
                new Upload(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getBytes(4)))
        .optional();
  }

  void delete(UUID token) {
    jdbc.sql("DELETE FROM grid_import_upload WHERE token = ?").param(token).update();
  }

  private void deleteExpired() {
    jdbc.sql("DELETE FROM grid_import_upload WHERE created_at < now() - ?::interval")
        .param(interval(properties.uploadRetention()))
        .update();
  }

  private static String interval(Duration d) {
    return d.toSeconds() + " seconds";
  }
}
