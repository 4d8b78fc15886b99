package cn.anwang.workforce.staffing;

import cn.anwang.registry.GridObjectLoads;
import cn.anwang.registry.GridObjectLoads.GridRisk;
import cn.anwang.workforce.staffing.WorkloadSettings.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carries what in a division subtree, from three grouped queries: the active officers, their
 * current grids, and the covered objects per grid by risk level ({@link GridObjectLoads#byGrid}). A
 * grid's load is Σ weight(level) × count with the weights of its district (else the city's); a grid
 * held by several active officers splits its load equally among them. Officers other than ACTIVE
 * carry no load and do not count as holders.
 */
@Component
class LoadModel {

  /** An active officer. */
  record OfficerRow(long id, String name, String tier, String divisionCode, String districtCode) {

    String streetCode() {
      return divisionCode.substring(0, 9);
    }
  }

  /** One current assignment of an active officer, with its share of the grid's load. */
  record Holding(
      long assignmentId, long officerId, String gridCode, String gridDivisionCode, double share) {}

  /** The loads of a subtree. */
  record Snapshot(
      Map<Long, OfficerRow> officers,
      List<Holding> holdings,
      Map<String, GridRisk> risks,
      Map<String, Setting> settings) {

    Map<Long, Double> officerLoads() {
      Map<Long, Double> out = new LinkedHashMap<>();
      officers.keySet().forEach(id -> out.put(id, 0.0));
      for (Holding h : holdings) {
        out.merge(h.officerId(), h.share(), Double::sum);
      }
      return out;
    }

    Setting settingFor(String districtCode) {
      Setting own = settings.get(districtCode);
      return own != null ? own : settings.get("12");
    }
  }

  private final JdbcClient jdbc;
  private final GridObjectLoads loads;
  private final WorkloadSettings settings;

  LoadModel(JdbcClient jdbc, GridObjectLoads loads, WorkloadSettings settings) {
    this.jdbc = jdbc;
    this.loads = loads;
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  Snapshot snapshot(String prefix) {
    Map<Long, OfficerRow> officers = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT id, name, tier, division_code, district_code FROM officer"
                + " WHERE status = 'ACTIVE' AND division_code LIKE ? ORDER BY division_code, id")
        .param(prefix + "%")
        .query(
            (rs, n) ->
                new OfficerRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list()
        .forEach(o -> officers.put(o.id(), o));
    record Raw(long id, long officerId, String gridCode, String gridDivisionCode) {}
    List<Raw> raw =
        jdbc.sql(
                """
                SELECT a.id, a.officer_id, a.grid_code, a.grid_division_code
                  FROM officer_assignment a JOIN officer o ON o.id = a.officer_id
                 WHERE a.grid_division_code LIKE ? AND a.ends_on IS NULL
                   AND a.starts_on <= current_date AND o.status = 'ACTIVE'
                 ORDER BY a.grid_code, a.officer_id
                """)
            .param(prefix + "%")
            .query(
                (rs, n) -> new Raw(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
            .list();
    Map<String, GridRisk> risks = new HashMap<>();
    for (GridRisk r : loads.byGrid(prefix)) {
      risks.put(r.gridCode(), r);
    }
    Map<String, Setting> all = settings.all();
    Snapshot partial = new Snapshot(officers, List.of(), risks, all);
    Map<String, Integer> holders = new HashMap<>();
    for (Raw r : raw) {
      holders.merge(r.gridCode(), 1, Integer::sum);
    }
    List<Holding> holdings = new ArrayList<>(raw.size());
    for (Raw r : raw) {
      double load = gridLoad(partial, r.gridCode(), r.gridDivisionCode().substring(0, 6));
      holdings.add(
          new Holding(
              r.id(),
              r.officerId(),
              r.gridCode(),
              r.gridDivisionCode(),
              load / holders.get(r.gridCode())));
    }
    return new Snapshot(officers, holdings, risks, all);
  }

  static double gridLoad(Snapshot s, String gridCode, String districtCode) {
    GridRisk risk = s.risks().get(gridCode);
    if (risk == null) {
      return 0;
    }
    return s.settingFor(districtCode).load(risk.red(), risk.orange(), risk.yellow(), risk.blue());
  }
}
