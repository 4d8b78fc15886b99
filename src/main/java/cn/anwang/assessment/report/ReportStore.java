package cn.anwang.assessment.report;

import cn.anwang.shared.files.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code assessment_report} rows and their files: the XLSX and the PDF go to the upload file
 * store under {@code assessment/reports/<unit>/<period>/<sha256>.<format>} (content-addressed, so a
 * file is never overwritten), the row keeps their keys, hashes and sizes.
 */
@Repository
class ReportStore {

  private static final String COLUMNS =
      """
      id, kind, unit_code, unit_name, period, period_first, period_last, lang, version, status,
      generated_at, generated_by, xlsx_sha256, xlsx_size, pdf_sha256, pdf_size
      """;

  private final JdbcClient jdbc;
  private final FileStore files;

  ReportStore(JdbcClient jdbc, FileStore files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  /** What a generation produced, ready to be stored. */
  record Generated(ReportContext context, String lang, byte[] xlsx, byte[] pdf) {}

  /**
   * Stores the files and the row as the next version. A scheduler's generation (no user) of a kind,
   * unit, period and language that the scheduler has stored already is not stored again: answers
   * empty.
   */
  Optional<StoredReport> insert(Generated g) {
    ReportContext c = g.context();
    String xlsxKey = put(c, g.xlsx(), "xlsx");
    String pdfKey = put(c, g.pdf(), "pdf");
    Optional<Long> id =
        jdbc.sql(
                """
                INSERT INTO assessment_report (kind, unit_code, district_code, unit_name, period,
                    period_first, period_last, lang, version, generated_at, generated_by,
                    xlsx_key, xlsx_sha256, xlsx_size, pdf_key, pdf_sha256, pdf_size)
                SELECT :kind, :unit, :district, :name, :period, :first, :last, :lang,
                       coalesce(max(version), 0) + 1, :at, :by,
                       :xlsxKey, :xlsxSha, :xlsxSize, :pdfKey, :pdfSha, :pdfSize
                  FROM assessment_report
                 WHERE kind = :kind AND unit_code = :unit AND period = :period AND lang = :lang
                ON CONFLICT DO NOTHING
                RETURNING id
                """)
            .param("kind", c.kind().name())
            .param("unit", c.unitCode())
            .param("district", c.unitCode().length() >= 6 ? c.unitCode().substring(0, 6) : null)
            .param("name", c.unitName())
            .param("period", c.period().label())
            .param("first", c.period().first())
            .param("last", c.period().last(c.today()))
            .param("lang", g.lang())
            .param("at", Timestamp.from(c.generatedAt()))
            .param("by", c.generatedBy())
            .param("xlsxKey", xlsxKey)
            .param("xlsxSha", FileStore.sha256(g.xlsx()))
            .param("xlsxSize", (long) g.xlsx().length)
            .param("pdfKey", pdfKey)
            .param("pdfSha", FileStore.sha256(g.pdf()))
            .param("pdfSize", (long) g.pdf().length)
            .query(Long.class)
            .optional();
    return id.flatMap(this::find);
  }

  /** Whether the scheduler has stored this report already. */
  boolean scheduled(ReportKind kind, String unit, String period, String lang) {
    return jdbc.sql(
                """
            SELECT count(*) FROM assessment_report
             WHERE kind = ? AND unit_code = ? AND period = ? AND lang = ?
               AND generated_by IS NULL
            """)
            .params(kind.name(), unit, period, lang)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<StoredReport> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assessment_report WHERE id = ?")
        .param(id)
        .query(ReportStore::map)
        .optional();
  }

  /**
   * The reports of units under a territory, newest first; {@code unit} and {@code kind} narrow it
   * when not null.
   */
  List<StoredReport> list(String territory, String unit, ReportKind kind, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM assessment_report
                WHERE unit_code LIKE :territory || '%'
                  AND (CAST(:unit AS text) IS NULL OR unit_code = :unit)
                  AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                ORDER BY generated_at DESC, id DESC
                LIMIT :limit
                """)
        .param("territory", territory)
        .param("unit", unit)
        .param("kind", kind == null ? null : kind.name())
        .param("limit", limit)
        .query(ReportStore::map)
        .list();
  }

  /** The stored file of a report: {@code xlsx} or {@code pdf}. */
  byte[] file(long id, String format) {
    String column = "pdf".equals(format) ? "pdf_key" : "xlsx_key";
    String key =
        jdbc.sql("SELECT " + column + " FROM assessment_report WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    try {
      return files.read(key);
    } catch (IOException e) {
      throw new UncheckedIOException("The file of report " + id + " is missing", e);
    }
  }

  private String put(ReportContext c, byte[] content, String format) {
    String key =
        "assessment/reports/"
            + c.unitCode()
            + "/"
            + c.period().label()
            + "/"
            + FileStore.sha256(content)
            + "."
            + format;
    files.put(key, content);
    return key;
  }

  private static StoredReport map(ResultSet rs, int n) throws SQLException {
    return new StoredReport(
        rs.getLong("id"),
        ReportKind.valueOf(rs.getString("kind")),
        rs.getString("unit_code"),
        rs.getString("unit_name"),
        rs.getString("period"),
        rs.getObject("period_first", LocalDate.class),
        rs.getObject("period_last", LocalDate.class),
        rs.getString("lang"),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getTimestamp("generated_at").toInstant(),
        rs.getString("generated_by"),
        rs.getString("xlsx_sha256"),
        rs.getLong("xlsx_size"),
        rs.getString("pdf_sha256"),
        rs.getLong("pdf_size"));
  }
}
