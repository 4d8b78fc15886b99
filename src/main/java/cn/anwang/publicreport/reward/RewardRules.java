package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reward rules: a district's own row, else the city's ({@code 12}). Read by the desk's roles; a
 * district's rule is set by its administrator or the city's, the city's by the city's only; every
 * change audited with the rule before and after.
 */
@Component
class RewardRules {

  static final String CITY = "12";

  /** A rule as set through the API; every field required. */
  record Change(
      Set<String> eligibleFindings,
      BigDecimal finePercent,
      Long minYuan,
      Long maxYuan,
      Long perDeathGeneral,
      Long perDeathLarger,
      Long perDeathMajor,
      Long perDeathEspecially,
      Long accidentCapYuan,
      Integer claimDays,
      Integer objectionDays,
      Boolean anonymousClaim) {}

  private final JdbcClient jdbc;
  private final RewardAccess access;
  private final AuditLog audit;

  RewardRules(JdbcClient jdbc, RewardAccess access, AuditLog audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
  }

  /** The rule that applies in a district (its own, else the city's). */
  RewardRule effective(String district) {
    return jdbc.sql(
            "SELECT * FROM public_reward_rule WHERE district_code IN (?, ?)"
                + " ORDER BY length(district_code) DESC LIMIT 1")
        .params(district, CITY)
        .query((rs, n) -> rule(rs, district))
        .single();
  }

  RewardRule get(String district) {
    Actor actor = access.desk();
    requireTerritory(district, actor);
    return effective(district);
  }

  @Transactional
  RewardRule put(String district, Change c) {
    Actor actor = access.decider();
    requireTerritory(district, actor);
    if (CITY.equals(district) ? actor.role() != Role.CITY_ADMIN : !actor.covers(district)) {
      throw ApiProblems.forbidden("Only the city administrator sets the city's reward rule");
    }
    validate(c);
    RewardRule before = effective(district);
    jdbc.sql(
            """
            INSERT INTO public_reward_rule (district_code, eligible_findings, fine_percent,
              min_yuan, max_yuan, per_death_general, per_death_larger, per_death_major,
              per_death_especially, accident_cap_yuan, claim_days, objection_days,
              anonymous_claim, updated_by)
            VALUES (:d, :f, :p, :min, :max, :g, :l, :m, :e, :cap, :claim, :obj, :anon, :by)
            ON CONFLICT (district_code) DO UPDATE SET eligible_findings = excluded.eligible_findings,
              fine_percent = excluded.fine_percent, min_yuan = excluded.min_yuan,
              max_yuan = excluded.max_yuan, per_death_general = excluded.per_death_general,
              per_death_larger = excluded.per_death_larger,
              per_death_major = excluded.per_death_major,
              per_death_especially = excluded.per_death_especially,
              accident_cap_yuan = excluded.accident_cap_yuan, claim_days = excluded.claim_days,
              objection_days = excluded.objection_days,
              anonymous_claim = excluded.anonymous_claim, updated_by = excluded.updated_by,
              updated_at = now()
            """)
        .param("d", district)
        .param("f", String.join(",", new TreeSet<>(c.eligibleFindings())))
        .param("p", c.finePercent())
        .param("min", c.minYuan())
        .param("max", c.maxYuan())
        .param("g", c.perDeathGeneral())
        .param("l", c.perDeathLarger())
        .param("m", c.perDeathMajor())
        .param("e", c.perDeathEspecially())
        .param("cap", c.accidentCapYuan())
        .param("claim", c.claimDays())
        .param("obj", c.objectionDays())
        .param("anon", c.anonymousClaim())
        .param("by", actor.username())
        .update();
    RewardRule after = effective(district);
    audit.record(
        "public-reward.rule", "public_reward_rule", district, district, view(before), view(after));
    return after;
  }

  private static void validate(Change c) {
    if (c == null) {
      throw ApiProblems.unprocessable("rule", "a rule is required");
    }
    if (c.eligibleFindings() == null
        || c.eligibleFindings().isEmpty()
        || !RewardRule.FINDINGS.containsAll(c.eligibleFindings())) {
      throw ApiProblems.unprocessable(
          "eligibleFindings",
          "a non-empty list of MAJOR_HAZARD, ILLEGAL_OPERATION, CONCEALED_ACCIDENT");
    }
    if (c.finePercent() == null
        || c.finePercent().signum() <= 0
        || c.finePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
      throw ApiProblems.unprocessable("finePercent", "above 0 and at most 100");
    }
    if (c.minYuan() == null
        || c.maxYuan() == null
        || c.minYuan() < 0
        || c.maxYuan() < c.minYuan()) {
      throw ApiProblems.unprocessable("maxYuan", "0 ≤ minYuan ≤ maxYuan");
    }
    for (Map.Entry<String, Long> e :
        Map.of(
                "perDeathGeneral", nz(c.perDeathGeneral()),
                "perDeathLarger", nz(c.perDeathLarger()),
                "perDeathMajor", nz(c.perDeathMajor()),
                "perDeathEspecially", nz(c.perDeathEspecially()),
                "accidentCapYuan", nz(c.accidentCapYuan()))
            .entrySet()) {
      if (e.getValue() < 0) {
        throw ApiProblems.unprocessable(e.getKey(), "an amount of 0 yuan or more");
      }
    }
    if (c.claimDays() == null || c.claimDays() < 1 || c.claimDays() > 365) {
      throw ApiProblems.unprocessable("claimDays", "between 1 and 365 days");
    }
    if (c.objectionDays() == null || c.objectionDays() < 1 || c.objectionDays() > 90) {
      throw ApiProblems.unprocessable("objectionDays", "between 1 and 90 days");
    }
    if (c.anonymousClaim() == null) {
      throw ApiProblems.unprocessable("anonymousClaim", "true or false");
    }
  }

  private static long nz(Long v) {
    return v == null ? -1 : v;
  }

  private static void requireTerritory(String district, Actor actor) {
    if (district == null || !(district.matches("\\d{6}") || CITY.equals(district))) {
      throw ApiProblems.badRequest("district must be a 6-digit district code or 12 (the city)");
    }
    if (!CITY.equals(district)
        && !actor.covers(district)
        && !actor.scope().territoryCode().startsWith(district)) {
      throw ApiProblems.notFound("District", district);
    }
  }

  private static Map<String, Object> view(RewardRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("eligibleFindings", String.join(",", new TreeSet<>(r.eligibleFindings())));
    m.put("finePercent", r.finePercent().toPlainString());
    m.put("minYuan", r.minYuan());
    m.put("maxYuan", r.maxYuan());
    m.put(
        "perDeath",
        r.perDeathGeneral()
            + "/"
            + r.perDeathLarger()
            + "/"
            + r.perDeathMajor()
            + "/"
            + r.perDeathEspecially());
    m.put("accidentCapYuan", r.accidentCapYuan());
    m.put("claimDays", r.claimDays());
    m.put("objectionDays", r.objectionDays());
    m.put("anonymousClaim", r.anonymousClaim());
    m.put("inherited", r.inherited());
    return m;
  }

  private static RewardRule rule(ResultSet rs, String district) throws SQLException {
    return new RewardRule(
        district,
        Arrays.stream(rs.getString("eligible_findings").split(","))
            .filter(s -> !s.isBlank())
            .collect(Collectors.toUnmodifiableSet()),
        rs.getBigDecimal("fine_percent"),
        rs.getLong("min_yuan"),
        rs.getLong("max_yuan"),
        rs.getLong("per_death_general"),
        rs.getLong("per_death_larger"),
        rs.getLong("per_death_major"),
        rs.getLong("per_death_especially"),
        rs.getLong("accident_cap_yuan"),
        rs.getInt("claim_days"),
        rs.getInt("objection_days"),
        rs.getBoolean("anonymous_claim"),
        !district.equals(rs.getString("district_code")));
  }
}
