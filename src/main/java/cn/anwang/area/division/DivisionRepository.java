package cn.anwang.area.division;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DivisionRepository {

  private static final String COLUMNS =
      "code, name, level, parent_code, boundary_wkb IS NOT NULL AS has_boundary, boundary_synthetic";

  private final JdbcClient jdbc;

  DivisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Division> find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM division WHERE code = ?")
        .param(code)
        .query(DivisionRepository::map)
        .optional();
  }

  List<Division> children(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM division WHERE parent_code = ? ORDER BY code")
        .param(code)
        .query(DivisionRepository::map)
        .list();
  }

  List<Division> search(String text, String rootCode, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM division WHERE code LIKE :root AND (name LIKE :name OR code LIKE :code)"
                + " ORDER BY length(code), code LIMIT :limit")
        .param("root", rootCode + "%")
        .param("name", "%" + escapeLike(text) + "%")
        .param("code", escapeLike(text) + "%")
        .param("limit", limit)
        .query(DivisionRepository::map)
        .list();
  }

  /**
   * The number of grids under each child of a division, keyed by the child's code. Grids hang on
   * villages or streets, so the child is the grid's division code cut to the child's length.
   */
  Map<String, Long> gridCountsByChild(String code, int childCodeLength) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(
            "SELECT substring(division_code, 1, :len) AS child, count(*) AS grids FROM grid"
                + " WHERE division_code LIKE :prefix GROUP BY 1")
        .param("len", childCodeLength)
        .param("prefix", code + "%")
        .query(
            rs -> {
              counts.put(rs.getString("child"), rs.getLong("grids"));
            });
    return counts;
  }

  long gridCount(String code) {
    return jdbc.sql("SELECT count(*) FROM grid WHERE division_code LIKE ?")
        .param(code + "%")
        .query(Long.class)
        .single();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM division").query(Long.class).single();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Division map(ResultSet rs, int row) throws SQLException {
    return new Division(
        rs.getString("code"),
        rs.getString("name"),
        DivisionLevel.ofKey(rs.getString("level")),
        rs.getString("parent_code"),
        rs.getBoolean("has_boundary"),
        rs.getBoolean("boundary_synthetic"));
  }
}
