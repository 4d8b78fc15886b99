package cn.anwang.workforce.officer;

import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every grid must have an active officer: the grids of a subtree without one are the gaps. A grid
 * is covered when a current assignment ({@code ends_on} null, started on or before today) belongs
 * to an officer whose status is ACTIVE.
 */
@Component
public class Coverage {

  private final JdbcClient jdbc;
  private final Grids grids;

  Coverage(JdbcClient jdbc, Grids grids) {
    this.jdbc = jdbc;
    this.grids = grids;
  }

  /** The codes of the covered grids in the subtree. */
  @Transactional(readOnly = true)
  public Set<String> coveredGridCodes(String divisionPrefix) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT DISTINCT a.grid_code
                  FROM officer_assignment a JOIN officer o ON o.id = a.officer_id
                 WHERE a.grid_division_code LIKE ? AND a.ends_on IS NULL
                   AND a.starts_on <= current_date AND o.status = 'ACTIVE'
                """)
            .param(divisionPrefix + "%")
            .query(String.class)
            .list());
  }

  /** The grids of the subtree with no active officer, by code. */
  @Transactional(readOnly = true)
  public List<GridRef> gaps(String divisionPrefix) {
    Set<String> covered = coveredGridCodes(divisionPrefix);
    return grids.in(divisionPrefix).stream().filter(g -> !covered.contains(g.code())).toList();
  }
}
