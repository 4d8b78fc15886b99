package cn.anwang.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule of docs/scale.md over a live schema: every primary key, unique constraint and unique
 * index of a district-keyed table has {@code district_code} among its key columns, and every
 * foreign key into such a table comes from another one and carries the district on both sides, so
 * that a Citus distribution on {@code district_code} (or a LIST partitioning by it) needs no key
 * rewrite. The table lists are read from the doc, so the doc and the check cannot drift apart.
 */
final class DistrictKeyRules {

  static final String COLUMN = "district_code";

  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z_0-9]+)`\\s*\\|");

  private DistrictKeyRules() {}

  /** The tables named in the first column of the doc's table between the two markers. */
  static Set<String> tables(Path doc, String section) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    boolean inside = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.contains("<!-- " + section + ":begin -->")) {
        inside = true;
      } else if (line.contains("<!-- " + section + ":end -->")) {
        inside = false;
      } else if (inside) {
        Matcher m = ROW.matcher(line);
        if (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /** Every breach of the rule, as a readable line; empty when the schema keeps it. */
  static List<String> violations(Connection c, Set<String> keyed, Set<String> reference)
      throws SQLException {
    List<String> out = new ArrayList<>();
    String[] names = keyed.toArray(String[]::new);
    // the column itself: present, not null, an ordinary column (Citus cannot distribute on a
    // generated one)
    query(
        c,
        """
        SELECT t.name, a.attnotnull, a.attgenerated <> ''
          FROM unnest(?::text[]) AS t(name)
          LEFT JOIN pg_class r ON r.relname = t.name AND r.relnamespace = current_schema()::regnamespace
          LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attname = 'district_code'
                                   AND NOT a.attisdropped
        """,
        names,
        rs -> {
          if (rs.getObject(2) == null) {
            out.add(rs.getString(1) + ": no table with a district_code column");
          } else if (!rs.getBoolean(2)) {
            out.add(rs.getString(1) + ".district_code may be null");
          } else if (rs.getBoolean(3)) {
            out.add(rs.getString(1) + ".district_code is a generated column");
          }
        });
    query(
        c,
        """
        SELECT t.name FROM unnest(?::text[]) AS t(name)
          JOIN pg_class r ON r.relname = t.name AND r.relnamespace = current_schema()::regnamespace
         WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = r.oid AND k.contype = 'p')
        """,
        names,
        rs -> out.add(rs.getString(1) + ": no primary key"));
    // primary keys, unique constraints and unique indexes (partial and expression ones too): the
    // district among the key columns (not only INCLUDEd)
    query(
        c,
        """
        SELECT r.relname, i.relname
          FROM pg_index x
          JOIN pg_class r ON r.oid = x.indrelid
          JOIN pg_class i ON i.oid = x.indexrelid
         WHERE r.relnamespace = current_schema()::regnamespace AND r.relname = ANY(?::text[])
           AND x.indisunique
           AND NOT EXISTS (
                 SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = r.oid AND a.attname = 'district_code'
                    AND a.attnum = ANY((x.indkey::int2[])[0:x.indnkeyatts - 1]))
         ORDER BY 1, 2
        """,
        names,
        rs ->
            out.add(
                rs.getString(1)
                    + ": unique index "
                    + rs.getString(2)
                    + " does not include district_code"));
    // foreign keys touching a keyed table
    query(
        c,
        """
        SELECT f.conname, src.relname, dst.relname,
               EXISTS (SELECT 1 FROM unnest(f.conkey, f.confkey) AS p(s, d)
                         JOIN pg_attribute sa ON sa.attrelid = f.conrelid AND sa.attnum = p.s
                         JOIN pg_attribute da ON da.attrelid = f.confrelid AND da.attnum = p.d
                        WHERE sa.attname = 'district_code' AND da.attname = 'district_code')
          FROM pg_constraint f
          JOIN pg_class src ON src.oid = f.conrelid
          JOIN pg_class dst ON dst.oid = f.confrelid
         WHERE f.contype = 'f' AND src.relnamespace = current_schema()::regnamespace
           AND (src.relname = ANY(?::text[]) OR dst.relname = ANY(?::text[]))
         ORDER BY 2, 1
        """,
        names,
        rs -> {
          String fk = rs.getString(1);
          String from = rs.getString(2);
          String to = rs.getString(3);
          if (keyed.contains(from) && keyed.contains(to)) {
            if (!rs.getBoolean(4)) {
              out.add(from + ": foreign key " + fk + " to " + to + " does not carry district_code");
            }
          } else if (keyed.contains(to)) {
            out.add(from + " (not district-keyed): foreign key " + fk + " into " + to);
          } else if (!reference.contains(to)) {
            out.add(from + ": foreign key " + fk + " to " + to + ", not a listed reference table");
          }
        });
    return out;
  }

  /** Tables of the schema that have a district_code column. */
  static Set<String> withDistrictColumn(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    query(
        c,
        """
        SELECT r.relname FROM pg_class r
          JOIN pg_attribute a ON a.attrelid = r.oid AND a.attname = 'district_code'
                             AND NOT a.attisdropped
         WHERE r.relnamespace = current_schema()::regnamespace AND r.relkind IN ('r', 'p')
         ORDER BY 1
        """,
        null,
        rs -> out.add(rs.getString(1)));
    return out;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, String[] names, Row row) throws SQLException {
    int params = sql.length() - sql.replace("?", "").length();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 1; i <= params; i++) {
        ps.setArray(i, c.createArrayOf("text", names));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }
}
