package cn.anwang.registry.object;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Writes imported objects with PostgreSQL's {@code COPY}: the objects, their departments and their
 * first history entry, in batches, on the connection of the caller's transaction (so a refused
 * import rolls back as a whole). Ids are taken from the table's identity sequence first, so that
 * the three tables can be written one after the other without reading anything back.
 */
@Repository
class ObjectCopyWriter {

  private static final String OBJECT_COLUMNS =
      "id, district_code, street_code, village_code, division_code, grid_code, kind, uscc,"
          + " uscc_override_reason, name, address, lon, lat, industry_code, scale, employees,"
          + " hazards, contact_name, contact_phone, status, direct_supervision, risk_level,"
          + " risk_rule, text_bigrams";

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  ObjectCopyWriter(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /** An object ready to be written, with its departments and the JSON of its history entry. */
  record Prepared(SupervisedObject object, List<DepartmentLink> departments, String changes) {}

  /**
   * Waits for any other import to finish and keeps others waiting until this transaction ends, so
   * that two imports of the same file (a double submission) cannot both pass the duplicate check.
   */
  void lockImports() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('registry.object.import'))")
        .query((rs, n) -> 1)
        .list();
  }

  /**
   * Keeps the import's lookups on their indexes for the rest of the transaction. The table grows
   * inside it by up to hundreds of thousands of rows its statistics do not know, so a sequential
   * scan can look cheap to the planner; each lookup has exactly one index that serves it.
   */
  void preferIndexes() {
    jdbc.sql("SET LOCAL enable_seqscan = off").update();
  }

  /** New object ids, in order. */
  long[] nextIds(int count) {
    List<Long> ids =
        jdbc.sql(
                "SELECT nextval(pg_get_serial_sequence('supervised_object', 'id'))"
                    + " FROM generate_series(1, ?)")
            .param(count)
            .query(Long.class)
            .list();
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The ids of existing objects with these codes, by code. One index probe per code (a lateral
   * join): the table grows inside the import's own transaction, where its statistics lag behind,
   * and a plan that scans it per batch would make the import quadratic.
   */
  Map<String, Existing> byUscc(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "SELECT k.u, o.id, o.division_code FROM unnest(?::varchar[]) AS k(u)"
                + " CROSS JOIN LATERAL (SELECT id, division_code FROM supervised_object"
                + " WHERE uscc = k.u LIMIT 1) o")
        .param(codes.toArray(String[]::new))
        .query((rs, n) -> Map.entry(rs.getString(1), new Existing(rs.getLong(2), rs.getString(3))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  /**
   * The existing objects with the district + name + address of these objects, by {@link #nameKey}:
   * one probe of the duplicate-key index per object.
   */
  Map<String, Existing> byNameAndAddress(Collection<SupervisedObject> objects) {
    if (objects.isEmpty()) {
      return Map.of();
    }
    String[] keys =
        objects.stream()
            .map(o -> nameKey(o.districtCode(), o.name(), o.address()))
            .toArray(String[]::new);
    return jdbc
        .sql(
            "SELECT o.district_code, o.name, o.address, o.id, o.division_code"
                + " FROM unnest(?::text[]) AS k(key) CROSS JOIN LATERAL"
                + " (SELECT id, division_code, district_code, name, address FROM supervised_object"
                + " WHERE "
                + DUPLICATE_KEY
                + " = k.key LIMIT 1) o")
        .param(keys)
        .query(
            (rs, n) ->
                Map.entry(
                    nameKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                    new Existing(rs.getLong(4), rs.getString(5))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  /** The indexed expression of {@link #nameKey} (migration V2026_11_30_0200). */
  static final String DUPLICATE_KEY = "(district_code || E'\\x01' || name || E'\\x01' || address)";

  /** The key under which an object's district, name and address are compared. */
  static String nameKey(String districtCode, String name, String address) {
    return districtCode + '\u0001' + name + '\u0001' + address;
  }

  /** An object already in the registry. */
  record Existing(long id, String divisionCode) {}

  /** How long the three {@code COPY}s of a batch took, in nanoseconds. */
  record Times(long objects, long departments, long history) {

    static final Times NONE = new Times(0, 0, 0);

    Times plus(Times other) {
      return new Times(
          objects + other.objects, departments + other.departments, history + other.history);
    }
  }

  /** Writes the batch; every object must carry its id. */
  Times write(List<Prepared> batch, String actor) {
    if (batch.isEmpty()) {
      return Times.NONE;
    }
    var objects = new StringBuilder(batch.size() * 300);
    var departments = new StringBuilder(batch.size() * 40);
    var history = new StringBuilder(batch.size() * 600);
    for (Prepared p : batch) {
      SupervisedObject o = p.object();
      Row row = new Row(objects);
      row.add(o.id())
          .add(o.districtCode())
          .add(o.streetCode())
          .add(o.villageCode())
          .add(o.divisionCode())
          .add(o.gridCode())
          .add(o.kind().name())
          .add(o.uscc())
          .add(o.usccOverrideReason())
          .add(o.name())
          .add(o.address())
          .add(o.lon())
          .add(o.lat())
          .add(o.industryCode())
          .add(o.scale() == null ? null : o.scale().name())
          .add(o.employees())
          .add(hazardArray(o))
          .add(o.contactName())
          .add(o.contactPhone())
          .add(o.status().name())
          .add(o.directSupervision() ? "t" : "f")
          .add(o.riskLevel().name())
          .add(o.riskRule())
          .add(arrayLiteral(TextBigrams.of(o.name(), o.address())))
          .end();
      for (DepartmentLink link : p.departments()) {
        new Row(departments)
            .add(o.id())
            .add(o.districtCode())
            .add(link.departmentCode())
            .add(link.source().name())
            .add(link.ruleId())
            .end();
      }
      new Row(history)
          .add(o.id())
          .add(o.districtCode())
          .add(actor)
          .add("import")
          .add(p.changes())
          .end();
    }
    long t0 = System.nanoTime();
    copy("COPY supervised_object (" + OBJECT_COLUMNS + ") FROM STDIN", objects);
    long t1 = System.nanoTime();
    copy(
        "COPY object_department (object_id, district_code, department_code, source, rule_id)"
            + " FROM STDIN",
        departments);
    long t2 = System.nanoTime();
    copy(
        "COPY object_history (object_id, district_code, actor, action, changes) FROM STDIN",
        history);
    return new Times(t1 - t0, t2 - t1, System.nanoTime() - t2);
  }

  /** A text[] literal with every element quoted: {@code {"ab","c\"d"}}. */
  static String arrayLiteral(String[] elements) {
    StringBuilder out = new StringBuilder(elements.length * 6 + 2).append('{');
    for (int i = 0; i < elements.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"');
      for (int j = 0; j < elements[i].length(); j++) {
        char c = elements[i].charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }

  private static String hazardArray(SupervisedObject o) {
    if (o.hazards().isEmpty()) {
      return "{}";
    }
    return o.hazards().stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
  }

  private void copy(String sql, CharSequence data) {
    if (data.isEmpty()) {
      return;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(sql, new StringReader(data.toString()));
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("COPY failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** One line of COPY's text format: tab-separated, {@code \N} for null, escapes for the rest. */
  private static final class Row {

    private final StringBuilder out;
    private boolean first = true;

    Row(StringBuilder out) {
      this.out = out;
    }

    Row add(Object value) {
      if (!first) {
        out.append('\t');
      }
      first = false;
      if (value == null) {
        out.append("\\N");
        return this;
      }
      String text = value.toString();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(c);
        }
      }
      return this;
    }

    void end() {
      out.append('\n');
    }
  }
}
