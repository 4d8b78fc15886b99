package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Object rows and their departments, history and grid moves. Every query a user triggers takes the
 * caller's territory prefix (matched against {@code division_code}) and, for department staff,
 * their department.
 */
@Repository
class ObjectRepository {

  private static final String COLUMNS =
      "id, district_code, street_code, village_code, division_code, grid_code, grid_override_by,"
          + " grid_override_reason, kind, uscc, uscc_override_reason, name, address, lon, lat,"
          + " industry_code, scale, employees, hazards, contact_name, contact_phone, status,"
          + " direct_supervision, direct_supervision_reason, last_accident_on, risk_level,"
          + " risk_rule, risk_override_level, risk_override_reason, risk_override_by, created_at,"
          + " updated_at, version";

  private final JdbcClient jdbc;

  ObjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SupervisedObject> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM supervised_object WHERE id = ?")
        .param(id)
        .query(ObjectRepository::map)
        .optional();
  }

  /** Inserts an object; returns its id. */
  long insert(SupervisedObject o) {
    return jdbc.sql(
            "INSERT INTO supervised_object (district_code, street_code, village_code,"
                + " division_code, grid_code, grid_override_by, grid_override_reason,"
                + " grid_override_at, kind, uscc, uscc_override_reason, name, address, lon, lat,"
                + " industry_code, scale, employees, hazards, contact_name, contact_phone, status,"
                + " direct_supervision, direct_supervision_reason, last_accident_on, risk_level,"
                + " risk_rule, risk_override_level, risk_override_reason, risk_override_by)"
                + " VALUES (:district, :street, :village, :division, :grid, :gridBy, :gridWhy,"
                + " CASE WHEN CAST(:gridBy AS text) IS NULL THEN NULL ELSE now() END, :kind,"
                + " :uscc, :usccWhy, :name, :address, :lon, :lat, :industry, :scale, :employees,"
                + " :hazards, :contactName, :contactPhone, :status, :direct, :directWhy,"
                + " :accident, :risk, :riskRule, :riskOverride, :riskWhy, :riskBy) RETURNING id")
        .params(params(o))
        .query(Long.class)
        .single();
  }

  /** Writes every field if the row is still at {@code o.version()}; false when it is not. */
  boolean update(SupervisedObject o) {
    return jdbc.sql(
                "UPDATE supervised_object SET district_code = :district, street_code = :street,"
                    + " village_code = :village, division_code = :division, grid_code = :grid,"
                    + " grid_override_at = CASE WHEN CAST(:gridBy AS text) IS NULL THEN NULL"
                    + " WHEN grid_override_by IS DISTINCT FROM :gridBy"
                    + " OR grid_override_reason IS DISTINCT FROM :gridWhy THEN now()"
                    + " ELSE grid_override_at END,"
                    + " grid_override_by = :gridBy, grid_override_reason = :gridWhy, kind = :kind,"
                    + " uscc = :uscc, uscc_override_reason = :usccWhy, name = :name,"
                    + " address = :address, lon = :lon, lat = :lat, industry_code = :industry,"
                    + " scale = :scale, employees = :employees, hazards = :hazards,"
                    + " contact_name = :contactName, contact_phone = :contactPhone,"
                    + " status = :status, direct_supervision = :direct,"
                    + " direct_supervision_reason = :directWhy, last_accident_on = :accident,"
                    + " risk_level = :risk, risk_rule = :riskRule,"
                    + " risk_override_level = :riskOverride, risk_override_reason = :riskWhy,"
                    + " risk_override_by = :riskBy, updated_at = now(), version = version + 1"
                    + " WHERE id = :id AND version = :version")
            .params(params(o))
            .update()
        == 1;
  }

  boolean delete(long id, int version) {
    return jdbc.sql("DELETE FROM supervised_object WHERE id = ? AND version = ?")
            .params(id, version)
            .update()
        == 1;
  }

  /**
   * The id of another object with this USCC, if any. Takes a lock on the code until the transaction
   * ends, so two writes of the same USCC (in two districts, where no unique index stops them, see
   * docs/scale.md) are checked one after the other.
   */
  Optional<Long> idWithUscc(String uscc) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('registry.object.uscc'), hashtext(?))")
        .param(uscc)
        .query((RowCallbackHandler) rs -> {});
    return jdbc.sql("SELECT id FROM supervised_object WHERE uscc = ?")
        .param(uscc)
        .query(Long.class)
        .optional();
  }

  /** Objects in the district with the same name and address (duplicate detection). */
  List<Long> idsWithNameAndAddress(String districtCode, String name, String address) {
    return jdbc
        .sql(
            "SELECT id, district_code, name, address FROM supervised_object WHERE "
                + ObjectCopyWriter.DUPLICATE_KEY
                + " = ?")
        .param(ObjectCopyWriter.nameKey(districtCode, name, address))
        .query(
            (rs, n) ->
                rs.getString(2).equals(districtCode)
                        && rs.getString(3).equals(name)
                        && rs.getString(4).equals(address)
                    ? rs.getLong(1)
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  // ------------------------------------------------------------------ search

  List<SupervisedObject> search(
      String territoryPrefix, String department, ObjectQuery q, int offset, int limit) {
    customPlans();
    Where where = where(territoryPrefix, department, q);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM supervised_object o WHERE "
                + where.sql
                + " ORDER BY o.name, o.id OFFSET :offset LIMIT :limit")
        .params(where.params)
        .param("offset", offset)
        .param("limit", limit)
        .query(ObjectRepository::map)
        .list();
  }

  /**
   * The number of matching objects, counting no further than {@code cap}: a count over a whole
   * district or the city reads every matching row, a capped one stops early.
   *
   * @return the count, or {@code cap} when there are at least that many
   */
  long countUpTo(String territoryPrefix, String department, ObjectQuery q, int cap) {
    customPlans();
    Where where = where(territoryPrefix, department, q);
    return jdbc.sql(
            "SELECT count(*) FROM (SELECT 1 FROM supervised_object o WHERE "
                + where.sql
                + " LIMIT :cap) capped")
        .params(where.params)
        .param("cap", cap)
        .query(Long.class)
        .single();
  }

  /** An object of an export with the codes of its responsible departments. */
  record ExportRow(SupervisedObject object, List<String> departmentCodes) {}

  /**
   * Every object in scope matching the query, in list order, read through a server-side cursor a
   * thousand rows at a time: call inside a transaction (else the driver loads every row at once)
   * and close the stream.
   */
  Stream<ExportRow> exportRows(String territoryPrefix, String department, ObjectQuery q) {
    Where where = where(territoryPrefix, department, q);
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + ", ARRAY(SELECT d.department_code FROM object_department d"
                + " WHERE d.object_id = o.id ORDER BY d.department_code) AS department_codes"
                + " FROM supervised_object o WHERE "
                + where.sql
                + " ORDER BY o.name, o.id")
        .withFetchSize(EXPORT_FETCH_SIZE)
        .params(where.params)
        .query(
            (rs, row) ->
                new ExportRow(
                    map(rs, row), List.of((String[]) rs.getArray("department_codes").getArray())))
        .stream();
  }

  static final int EXPORT_FETCH_SIZE = 1000;

  /**
   * Plans the search for its actual values, for the rest of the transaction. The best plan of a
   * list query depends on them (RED is 1% of the objects, YELLOW a third; a street is 0.4% of the
   * city): after five executions the driver's prepared statement would switch to one generic plan
   * for all values, which the benchmark measured at ten times the custom plan's time for the rare
   * ones. Planning costs well under a millisecond. No parallel workers either: starting them costs
   * more than a page of 50 saves, and on a busy server they wait for a core. Outside a transaction
   * this does nothing.
   */
  private void customPlans() {
    jdbc.sql(
            "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('max_parallel_workers_per_gather', '0', true)")
        .query()
        .listOfRows();
  }

  /** A point of the object map. */
  record MapPoint(long id, String name, double lon, double lat, String risk) {}

  /** Located objects in scope matching the query, at most {@code limit}, highest risk first. */
  List<MapPoint> points(String territoryPrefix, String department, ObjectQuery q, int limit) {
    Where where = where(territoryPrefix, department, q);
    return jdbc.sql(
            "SELECT o.id, o.name, o.lon, o.lat, COALESCE(o.risk_override_level, o.risk_level)"
                + " FROM supervised_object o WHERE o.lon IS NOT NULL AND "
                + where.sql
                + " ORDER BY CASE COALESCE(o.risk_override_level, o.risk_level) WHEN 'RED' THEN 0"
                + " WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END, o.id LIMIT :limit")
        .params(where.params)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new MapPoint(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getDouble(3),
                    rs.getDouble(4),
                    rs.getString(5)))
        .list();
  }

  private record Where(String sql, Map<String, Object> params) {}

  private static Where where(String territoryPrefix, String department, ObjectQuery q) {
    List<String> and = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    and.add(subtree("territory", territoryPrefix, params));
    if (department != null) {
      and.add(
          "EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id"
              + " AND d.department_code = :scopeDepartment)");
      params.put("scopeDepartment", department);
    }
    if (q.q() != null && !q.q().isBlank()) {
      String text = q.q().strip();
      and.add("(o.name LIKE :text OR o.address LIKE :text OR o.uscc = :exact)");
      if (text.codePointCount(0, text.length()) >= 2) {
        // The same rows (a row holding the text holds all its bigrams), but a condition of its
        // own that the bigram index answers; kept out of the cheap LIKE so that a plan filtering
        // row by row computes bigrams only for rows LIKE already matched.
        and.add("(o.text_bigrams @> CAST(:bigrams AS text[]) OR o.uscc = :exact)");
        params.put("bigrams", TextBigrams.of(text));
      }
      params.put("text", "%" + escapeLike(text) + "%");
      params.put("exact", text.toUpperCase(Locale.ROOT));
    }
    if (q.kind() != null) {
      and.add("o.kind = :kind");
      params.put("kind", q.kind().name());
    }
    if (q.industry() != null && !q.industry().isBlank()) {
      and.add("o.industry_code LIKE :industry");
      params.put("industry", escapeLike(q.industry().strip()) + "%");
    }
    if (q.risk() != null) {
      and.add("COALESCE(o.risk_override_level, o.risk_level) = :risk");
      params.put("risk", q.risk().name());
    }
    if (q.department() != null && !q.department().isBlank()) {
      and.add(
          "EXISTS (SELECT 1 FROM object_department f WHERE f.object_id = o.id"
              + " AND f.department_code = :department)");
      params.put("department", q.department().strip());
    }
    if (q.grid() != null && !q.grid().isBlank()) {
      and.add("o.grid_code = :grid");
      params.put("grid", q.grid().strip());
    }
    if (q.division() != null && !q.division().isBlank()) {
      and.add(subtree("division", q.division().strip(), params));
    }
    if (q.status() != null) {
      and.add("o.status = :status");
      params.put("status", q.status().name());
    }
    if (q.directSupervision() != null) {
      and.add("o.direct_supervision = :direct");
      params.put("direct", q.directSupervision());
    }
    if (Boolean.TRUE.equals(q.outsideGrids())) {
      and.add("o.grid_code IS NULL");
    }
    if (Boolean.TRUE.equals(q.missingDepartment())) {
      and.add("NOT EXISTS (SELECT 1 FROM object_department m WHERE m.object_id = o.id)");
    }
    return new Where(String.join(" AND ", and), params);
  }

  /** The indexed expression of the text search (see the registry's search index migration). */

  /**
   * Objects in a division's subtree. A district, street or village code is an equality on the
   * object's own district, street or village column (the same rows as a prefix match on {@code
   * division_code}, the most specific division), so the indexes that lead with those columns and
   * keep the list order serve it; any other code (the city) is a prefix match.
   */
  private static String subtree(String name, String code, Map<String, Object> params) {
    params.put(name, code);
    return switch (code.length()) {
      case 6 -> "o.district_code = :" + name;
      case 9 -> "o.street_code = :" + name;
      case 12 -> "o.village_code = :" + name;
      default -> {
        params.put(name, escapeLike(code) + "%");
        yield "o.division_code LIKE :" + name;
      }
    };
  }

  /** Whether an object lies in the department's responsibility. */
  boolean isResponsible(long objectId, String departmentCode) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM object_department WHERE object_id = ?"
                + " AND department_code = ?)")
        .params(objectId, departmentCode)
        .query(Boolean.class)
        .single();
  }

  // ------------------------------------------------------------------ departments

  List<DepartmentLink> departments(long objectId) {
    return jdbc.sql(
            "SELECT department_code, source, rule_id FROM object_department WHERE object_id = ?"
                + " ORDER BY department_code")
        .param(objectId)
        .query(
            (rs, row) ->
                new DepartmentLink(
                    rs.getString(1),
                    DepartmentLink.Source.valueOf(rs.getString(2)),
                    rs.getString(3)))
        .list();
  }

  /** The responsible department codes of each object, by code; objects without any are absent. */
  Map<Long, List<String>> departmentCodes(Collection<Long> objectIds) {
    Map<Long, List<String>> codes = new LinkedHashMap<>();
    if (objectIds.isEmpty()) {
      return codes;
    }
    jdbc.sql(
            "SELECT object_id, department_code FROM object_department"
                + " WHERE object_id IN (:ids) ORDER BY object_id, department_code")
        .param("ids", objectIds)
        .query(
            rs -> {
              codes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
            });
    return codes;
  }

  void replaceDepartments(long objectId, Collection<DepartmentLink> links) {
    jdbc.sql("DELETE FROM object_department WHERE object_id = ?").param(objectId).update();
    for (DepartmentLink link : links) {
      jdbc.sql(
              "INSERT INTO object_department (object_id, district_code, department_code, source,"
                  + " rule_id) SELECT id, district_code, ?, ?, ? FROM supervised_object"
                  + " WHERE id = ? ON CONFLICT DO NOTHING")
          .params(link.departmentCode(), link.source().name(), link.ruleId(), objectId)
          .update();
    }
  }

  // ------------------------------------------------------------------ history

  void addHistory(long objectId, String districtCode, String actor, String action, String json) {
    jdbc.sql(
            "INSERT INTO object_history (object_id, district_code, actor, action, changes)"
                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb))")
        .params(objectId, districtCode, actor, action, json)
        .update();
  }

  List<HistoryEntry> history(long objectId) {
    return jdbc.sql(
            "SELECT at, actor, action, changes::text FROM object_history WHERE object_id = ?"
                + " ORDER BY at DESC, id DESC")
        .param(objectId)
        .query(
            (rs, row) ->
                new HistoryEntry(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  // ------------------------------------------------------------------ grids

  /** Objects with a location, not placed by hand, in these districts (all when empty). */
  List<SupervisedObject> relocatable(Collection<String> districtCodes) {
    String filter = districtCodes.isEmpty() ? "" : " AND district_code = ANY(:districts)";
    var spec =
        jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM supervised_object WHERE lon IS NOT NULL AND grid_override_by IS NULL"
                + filter
                + " ORDER BY id");
    if (!districtCodes.isEmpty()) {
      spec = spec.param("districts", districtCodes.toArray(String[]::new));
    }
    return spec.query(ObjectRepository::map).list();
  }

  /** Moves an object to another grid (or out of every grid) and records the move. */
  void move(SupervisedObject from, SupervisedObject to, String reason) {
    jdbc.sql(
            "UPDATE supervised_object SET district_code = ?, street_code = ?, village_code = ?,"
                + " division_code = ?, grid_code = ?, updated_at = now(), version = version + 1"
                + " WHERE id = ?")
        .params(
            to.districtCode(),
            to.streetCode(),
            to.villageCode(),
            to.divisionCode(),
            to.gridCode(),
            from.id())
        .update();
    jdbc.sql(
            "INSERT INTO object_grid_move (object_id, district_code, from_grid_code, to_grid_code,"
                + " from_division_code, to_division_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            from.id(),
            to.districtCode(),
            from.gridCode(),
            to.gridCode(),
            from.divisionCode(),
            to.divisionCode(),
            reason)
        .update();
    jdbc.sql(
            "INSERT INTO object_history (object_id, district_code, actor, action, changes)"
                + " VALUES (?, ?, 'system', ?, jsonb_build_object('gridCode',"
                + " jsonb_build_array(CAST(? AS text), CAST(? AS text)), 'divisionCode',"
                + " jsonb_build_array(CAST(? AS text), CAST(? AS text))))")
        .params(
            from.id(),
            to.districtCode(),
            reason,
            from.gridCode(),
            to.gridCode(),
            from.divisionCode(),
            to.divisionCode())
        .update();
  }

  List<GridMove> moves(String territoryPrefix, Instant since, int limit) {
    return jdbc.sql(
            "SELECT m.object_id, o.name, m.at, m.from_grid_code, m.to_grid_code,"
                + " m.from_division_code, m.to_division_code, m.reason"
                + " FROM object_grid_move m JOIN supervised_object o ON o.id = m.object_id"
                + " WHERE (m.from_division_code LIKE :p OR m.to_division_code LIKE :p)"
                + " AND m.at >= :since ORDER BY m.at, m.id LIMIT :limit")
        .param("p", escapeLike(territoryPrefix) + "%")
        .param("since", Timestamp.from(since))
        .param("limit", limit)
        .query(
            (rs, row) ->
                new GridMove(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  // ------------------------------------------------------------------ mapping

  private static Map<String, Object> params(SupervisedObject o) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", o.id());
    p.put("version", o.version());
    p.put("district", o.districtCode());
    p.put("street", o.streetCode());
    p.put("village", o.villageCode());
    p.put("division", o.divisionCode());
    p.put("grid", o.gridCode());
    p.put("gridBy", o.gridOverrideBy());
    p.put("gridWhy", o.gridOverrideReason());
    p.put("kind", o.kind().name());
    p.put("uscc", o.uscc());
    p.put("usccWhy", o.usccOverrideReason());
    p.put("name", o.name());
    p.put("address", o.address());
    p.put("lon", o.lon());
    p.put("lat", o.lat());
    p.put("industry", o.industryCode());
    p.put("scale", o.scale() == null ? null : o.scale().name());
    p.put("employees", o.employees());
    p.put("hazards", o.hazards().stream().map(Enum::name).sorted().toArray(String[]::new));
    p.put("contactName", o.contactName());
    p.put("contactPhone", o.contactPhone());
    p.put("status", o.status().name());
    p.put("direct", o.directSupervision());
    p.put(
        "directWhy",
        o.directSupervisionReason() == null ? null : o.directSupervisionReason().name());
    p.put("accident", o.lastAccidentOn() == null ? null : Date.valueOf(o.lastAccidentOn()));
    p.put("risk", o.riskLevel().name());
    p.put("riskRule", o.riskRule());
    p.put("riskOverride", o.riskOverrideLevel() == null ? null : o.riskOverrideLevel().name());
    p.put("riskWhy", o.riskOverrideReason());
    p.put("riskBy", o.riskOverrideBy());
    return p;
  }

  static SupervisedObject map(ResultSet rs, int row) throws SQLException {
    Array hazardArray = rs.getArray("hazards");
    Set<HazardFeature> hazards = EnumSet.noneOf(HazardFeature.class);
    if (hazardArray != null) {
      Arrays.stream((String[]) hazardArray.getArray())
          .map(HazardFeature::valueOf)
          .forEach(hazards::add);
    }
    Date accident = rs.getDate("last_accident_on");
    return new SupervisedObject(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getString("street_code"),
        rs.getString("village_code"),
        rs.getString("division_code"),
        rs.getString("grid_code"),
        rs.getString("grid_override_by"),
        rs.getString("grid_override_reason"),
        ObjectKind.valueOf(rs.getString("kind")),
        rs.getString("uscc"),
        rs.getString("uscc_override_reason"),
        rs.getString("name"),
        rs.getString("address"),
        (Double) rs.getObject("lon"),
        (Double) rs.getObject("lat"),
        rs.getString("industry_code"),
        enumOrNull(Scale.class, rs.getString("scale")),
        (Integer) rs.getObject("employees"),
        hazards,
        rs.getString("contact_name"),
        rs.getString("contact_phone"),
        ObjectStatus.valueOf(rs.getString("status")),
        rs.getBoolean("direct_supervision"),
        enumOrNull(DirectSupervisionReason.class, rs.getString("direct_supervision_reason")),
        accident == null ? null : accident.toLocalDate(),
        RiskLevel.valueOf(rs.getString("risk_level")),
        rs.getString("risk_rule"),
        enumOrNull(RiskLevel.class, rs.getString("risk_override_level")),
        rs.getString("risk_override_reason"),
        rs.getString("risk_override_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
