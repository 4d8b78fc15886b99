package cn.anwang.casework.cases;

import cn.anwang.identity.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The scoped, filtered, paged case list (the same visibility as {@link CasePolicy#sees}). */
@Component
class CaseQuery {

  /** Filters; null means any. {@code division} narrows inside the caller's scope. */
  record Filter(
      CaseStatus status,
      CaseType type,
      String division,
      HandlerType handlerType,
      String handlerCode,
      Boolean open,
      int page,
      int size) {}

  record Page(List<SafetyCase> items, long total, int page, int size) {}

  private final JdbcClient jdbc;
  private final CaseRepository cases;
  private final EnterpriseAccess enterprises;

  CaseQuery(JdbcClient jdbc, CaseRepository cases, EnterpriseAccess enterprises) {
    this.enterprises = enterprises;
    this.jdbc = jdbc;
    this.cases = cases;
  }

  Page list(Actor actor, Filter f) {
    List<String> where = new ArrayList<>();
    Map<String, Object> p = new HashMap<>();
    p.put("me", actor.userId());
    switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR, STREET_OFFICER, VILLAGE_OFFICER -> {
        where.add("(division_code LIKE :scope OR reporter_user_id = :me)");
        p.put("scope", actor.scope().likePattern());
      }
      case DEPARTMENT_STAFF -> {
        where.add(
            "((handler_type = 'DEPARTMENT' AND handler_code = :dept) OR reporter_user_id = :me)");
        p.put("dept", String.valueOf(actor.scope().departmentCode()));
      }
      case ENTERPRISE_USER -> {
        // the cases of the objects the enterprise user is linked to (registry.ObjectAccounts)
        Set<Long> linked = enterprises.objectsOf(actor);
        if (linked.isEmpty()) {
          where.add("reporter_user_id = :me");
        } else {
          where.add("(object_id IN (:linked) OR reporter_user_id = :me)");
          p.put("linked", linked);
        }
      }
      default -> where.add("reporter_user_id = :me");
    }
    if (f.status() != null) {
      where.add("status = :status");
      p.put("status", f.status().name());
    }
    if (f.type() != null) {
      where.add("type = :type");
      p.put("type", f.type().name());
    }
    if (f.division() != null && !f.division().isBlank()) {
      where.add("division_code LIKE :division");
      p.put("division", f.division().strip() + "%");
    }
    if (f.handlerType() != null) {
      where.add("handler_type = :handlerType");
      p.put("handlerType", f.handlerType().name());
    }
    if (f.handlerCode() != null && !f.handlerCode().isBlank()) {
      where.add("handler_code = :handlerCode");
      p.put("handlerCode", f.handlerCode().strip());
    }
    if (Boolean.TRUE.equals(f.open())) {
      where.add("status NOT IN ('CLOSED', 'VOIDED')");
    }
    String condition = String.join(" AND ", where);
    long total =
        jdbc.sql("SELECT count(*) FROM safety_case WHERE " + condition)
            .params(p)
            .query(Long.class)
            .single();
    p.put("limit", f.size());
    p.put("offset", (long) f.page() * f.size());
    List<SafetyCase> items =
        cases.select(
            "SELECT * FROM safety_case WHERE "
                + condition
                + " ORDER BY reported_at DESC, id DESC LIMIT :limit OFFSET :offset",
            p);
    return new Page(items, total, f.page(), f.size());
  }
}
