package cn.anwang.registry.object;

import cn.anwang.org.ObjectProfile;
import cn.anwang.org.ResponsibilityRules;
import cn.anwang.org.ResponsibilityRulesChanged;
import cn.anwang.org.RuleMatch;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When responsibility rules or departments change, recomputes the rule-given departments of the
 * objects in the affected districts (hand-set departments stay), recording a history row for every
 * object whose departments changed.
 */
@Component
class ResponsibilityRecompute {

  private static final Logger log = LoggerFactory.getLogger(ResponsibilityRecompute.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ResponsibilityRules rules;

  ResponsibilityRecompute(JdbcClient jdbc, JdbcTemplate batch, ResponsibilityRules rules) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.rules = rules;
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void on(ResponsibilityRulesChanged event) {
    ResponsibilityRules.Evaluator evaluator = rules.snapshot();
    String filter = event.cityWide() ? "" : " WHERE o.district_code = ANY(?)";
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    var spec =
        jdbc.sql(
            "SELECT o.id, o.district_code, o.kind, o.industry_code, o.hazards,"
                + " ARRAY(SELECT d.department_code FROM object_department d WHERE d.object_id = o.id"
                + " AND d.source = 'RULE' ORDER BY d.department_code) AS rule_departments,"
                + " ARRAY(SELECT d.department_code FROM object_department d WHERE d.object_id = o.id"
                + " AND d.source = 'MANUAL') AS manual_departments"
                + " FROM supervised_object o"
                + filter);
    if (!event.cityWide()) {
      spec = spec.param(event.districtCodes().toArray(String[]::new));
    }
    spec.query(
        rs -> {
          Set<HazardFeature> hazards = EnumSet.noneOf(HazardFeature.class);
          for (String h : (String[]) rs.getArray("hazards").getArray()) {
            hazards.add(HazardFeature.valueOf(h));
          }
          long id = rs.getLong("id");
          String district = rs.getString("district_code");
          Set<String> manual =
              new LinkedHashSet<>(List.of((String[]) rs.getArray("manual_departments").getArray()));
          List<RuleMatch> matches =
              evaluator.responsibleFor(
                  new ObjectProfile(
                      district,
                      ObjectKind.valueOf(rs.getString("kind")),
                      rs.getString("industry_code"),
                      hazards));
          List<String> now =
              matches.stream()
                  .map(RuleMatch::departmentCode)
                  .filter(c -> !manual.contains(c))
                  .distinct()
                  .sorted()
                  .toList();
          List<String> before = List.of((String[]) rs.getArray("rule_departments").getArray());
          if (now.equals(before)) {
            return;
          }
          deletes.add(new Object[] {id});
          for (RuleMatch m : matches) {
            if (now.contains(m.departmentCode())) {
              inserts.add(
                  new Object[] {
                    id,
                    district,
                    m.departmentCode(),
                    m.ruleId() == null ? null : String.valueOf(m.ruleId())
                  });
            }
          }
          history.add(
              new Object[] {
                id, district, "{\"departments\":[" + json(before) + "," + json(now) + "]}"
              });
        });
    batch.batchUpdate(
        "DELETE FROM object_department WHERE object_id = ? AND source = 'RULE'", deletes);
    batch.batchUpdate(
        "INSERT INTO object_department (object_id, district_code, department_code, source,"
            + " rule_id) VALUES (?, ?, ?, 'RULE', ?) ON CONFLICT DO NOTHING",
        inserts);
    batch.batchUpdate(
        "INSERT INTO object_history (object_id, district_code, actor, action, changes)"
            + " VALUES (?, ?, 'system', 'departments.rules', CAST(? AS jsonb))",
        history);
    if (!history.isEmpty()) {
      log.info(
          "Responsibility rules changed: departments of {} objects recomputed", history.size());
    }
  }

  private static String json(List<String> codes) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < codes.size(); i++) {
      s.append(i == 0 ? "" : ",")
          .append('"')
          .append(codes.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return s.append(']').toString();
  }
}
