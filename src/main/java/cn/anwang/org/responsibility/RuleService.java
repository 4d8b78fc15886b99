package cn.anwang.org.responsibility;

import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.org.ObjectProfile;
import cn.anwang.org.ObjectProfiles;
import cn.anwang.org.ObjectProfiles.ProfiledObject;
import cn.anwang.org.ResponsibilityRules;
import cn.anwang.org.ResponsibilityRulesChanged;
import cn.anwang.org.RuleMatch;
import cn.anwang.org.responsibility.OrgCommands.ProposedChange;
import cn.anwang.org.responsibility.OrgCommands.RuleDraft;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responsibility rules for the current user (see {@link OrgPolicy}): list, change, evaluate and
 * preview; and the unscoped {@link ResponsibilityRules} facade for other modules. Every change is
 * audited and publishes {@link ResponsibilityRulesChanged}.
 */
@Service
@Transactional(readOnly = true)
class RuleService implements ResponsibilityRules {

  private final RuleRepository rules;
  private final DepartmentRepository departments;
  private final Divisions divisions;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<ObjectProfiles> registry;

  RuleService(
      RuleRepository rules,
      DepartmentRepository departments,
      Divisions divisions,
      CurrentActor currentActor,
      AuditLog audit,
      ApplicationEventPublisher events,
      ObjectProvider<ObjectProfiles> registry) {
    this.rules = rules;
    this.departments = departments;
    this.divisions = divisions;
    this.currentActor = currentActor;
    this.audit = audit;
    this.events = events;
    this.registry = registry;
  }

  // ------------------------------------------------------------------ facade

  @Override
  public List<RuleMatch> responsibleFor(ObjectProfile profile) {
    return new RuleEvaluator(
            rules.forDistrict(profile.districtCode()),
            departments.forDistrict(profile.districtCode()))
        .evaluate(profile)
        .matches();
  }

  @Override
  public Evaluator snapshot() {
    RuleEvaluator evaluator = new RuleEvaluator(rules.all(), departments.all());
    return profile -> evaluator.evaluate(profile).matches();
  }

  // ------------------------------------------------------------------ scoped reads

  /** The rules the caller sees (city-wide and their district's, or all), in evaluation order. */
  List<ResponsibilityRule> list() {
    String district = OrgPolicy.districtOf(currentActor.require());
    return district == null ? rules.all() : rules.forDistrict(district);
  }

  ResponsibilityRule get(long id) {
    Actor actor = currentActor.require();
    return rules
        .find(id)
        .filter(r -> OrgPolicy.sees(actor, r.districtCode()))
        .orElseThrow(() -> OrgNotFound.rule(id));
  }

  boolean mayChange(ResponsibilityRule rule) {
    return OrgPolicy.mayChange(currentActor.require(), rule.districtCode());
  }

  boolean mayCreate() {
    return OrgPolicy.mayChangeAny(currentActor.require());
  }

  /** The departments the caller sees, by code, for naming rule targets. */
  Map<String, Department> visibleDepartments() {
    String district = OrgPolicy.districtOf(currentActor.require());
    return (district == null ? departments.all() : departments.forDistrict(district))
        .stream().collect(Collectors.toMap(Department::code, Function.identity()));
  }

  // ------------------------------------------------------------------ changes

  @Transactional
  ResponsibilityRule create(RuleDraft draft) {
    ResponsibilityRule rule = checked(draft, null, true);
    long id = rules.insert(rule).orElseThrow();
    ResponsibilityRule created = rules.find(id).orElseThrow();
    audit.record(
        "rule.create",
        "responsibility_rule",
        String.valueOf(id),
        DepartmentService.territory(created.districtCode()),
        null,
        created);
    changed(created, null, "created");
    return created;
  }

  @Transactional
  ResponsibilityRule update(long id, RuleDraft draft) {
    ResponsibilityRule current = get(id);
    OrgPolicy.requireMayChange(currentActor.require(), current.districtCode());
    ResponsibilityRule rule = checked(draft, id, current.active());
    checkVersion(current, draft.version());
    if (!rules.update(rule, current.version())) {
      throw OrgConflict.staleVersion("Rule " + id, current.version(), -1);
    }
    ResponsibilityRule updated = rules.find(id).orElseThrow();
    audit.record(
        "rule.update",
        "responsibility_rule",
        String.valueOf(id),
        DepartmentService.territory(
            Objects.equals(current.districtCode(), updated.districtCode())
                ? updated.districtCode()
                : null),
        current,
        updated);
    changed(updated, current, "updated");
    return updated;
  }

  @Transactional
  ResponsibilityRule setActive(long id, boolean active, Integer version) {
    ResponsibilityRule current = get(id);
    OrgPolicy.requireMayChange(currentActor.require(), current.districtCode());
    checkVersion(current, version);
    if (current.active() == active) {
      return current;
    }
    ResponsibilityRule next =
        new ResponsibilityRule(
            id,
            current.districtCode(),
            current.priority(),
            current.industryPrefixes(),
            current.hazards(),
            current.kinds(),
            current.departmentKey(),
            active,
            current.note(),
            current.seedKey(),
            current.version());
    if (!rules.update(next, current.version())) {
      throw OrgConflict.staleVersion("Rule " + id, current.version(), -1);
    }
    ResponsibilityRule updated = rules.find(id).orElseThrow();
    audit.record(
        active ? "rule.activate" : "rule.deactivate",
        "responsibility_rule",
        String.valueOf(id),
        DepartmentService.territory(current.districtCode()),
        current,
        updated);
    changed(updated, null, active ? "activated" : "deactivated");
    return updated;
  }

  /**
   * Validates a draft into a rule: conditions well formed, the district visible and the caller's to
   * change, a department with the key where the rule applies.
   */
  private ResponsibilityRule checked(RuleDraft draft, Long id, boolean active) {
    Actor actor = currentActor.require();
    Conditions conditions = new Conditions();
    String district = conditions.districtCode("districtCode", draft.districtCode());
    List<String> prefixes =
        conditions.industryPrefixes("industryPrefixes", draft.industryPrefixes());
    Set<HazardFeature> hazards = conditions.hazards("hazards", draft.hazards());
    Set<ObjectKind> kinds = conditions.kinds("kinds", draft.kinds());
    if (draft.priority() == null || draft.priority() < 0 || draft.priority() > 9999) {
      conditions.errors().add(new OrgRejected.FieldError("priority", "must be 0–9999"));
    }
    if (draft.note() != null && draft.note().strip().length() > 500) {
      conditions.errors().add(new OrgRejected.FieldError("note", "must be at most 500 characters"));
    }
    String key = draft.departmentKey() == null ? "" : draft.departmentKey().strip();
    conditions.throwIfInvalid();
    if (!OrgPolicy.sees(actor, district)) {
      throw OrgNotFound.district(district);
    }
    OrgPolicy.requireMayChange(actor, district);
    if (district != null
        && divisions.find(district).filter(d -> d.level() == DivisionLevel.DISTRICT).isEmpty()) {
      throw OrgRejected.field("districtCode", "'" + district + "' is not a known district");
    }
    boolean known =
        (district == null ? departments.all() : departments.forDistrict(district))
            .stream().anyMatch(d -> d.key().equals(key));
    if (!known) {
      throw OrgRejected.field(
          "departmentKey",
          "no department with key '"
              + key
              + "' "
              + (district == null ? "exists" : "in district " + district + " or at city level"));
    }
    String note = draft.note() == null || draft.note().isBlank() ? null : draft.note().strip();
    String seedKey =
        id == null ? null : rules.find(id).map(ResponsibilityRule::seedKey).orElse(null);
    return new ResponsibilityRule(
        id, district, draft.priority(), prefixes, hazards, kinds, key, active, note, seedKey, 0);
  }

  private static void checkVersion(ResponsibilityRule current, Integer version) {
    if (version != null && version != current.version()) {
      throw OrgConflict.staleVersion("Rule " + current.id(), version, current.version());
    }
  }

  private void changed(ResponsibilityRule rule, ResponsibilityRule before, String change) {
    Set<String> districts = new HashSet<>();
    boolean cityWide = rule.cityWide() || (before != null && before.cityWide());
    if (!cityWide) {
      districts.add(rule.districtCode());
      if (before != null) {
        districts.add(before.districtCode());
      }
    }
    events.publishEvent(new ResponsibilityRulesChanged(districts, rule.id(), null, change));
  }

  // ------------------------------------------------------------------ evaluate and preview

  /**
   * The departments responsible for a described object in a district the caller sees.
   *
   * @param hazards hazard feature names (comma-separated values are split)
   */
  Evaluated evaluate(String districtCode, String kind, String industry, List<String> hazards) {
    Actor actor = currentActor.require();
    Conditions conditions = new Conditions();
    String district = conditions.districtCode("district", districtCode);
    if (district == null && conditions.errors().isEmpty()) {
      conditions.errors().add(new OrgRejected.FieldError("district", "a district is required"));
    }
    Set<ObjectKind> kinds = conditions.kinds("kind", kind == null ? List.of() : List.of(kind));
    if (kinds.size() != 1
        && conditions.errors().stream().noneMatch(e -> e.field().equals("kind"))) {
      conditions.errors().add(new OrgRejected.FieldError("kind", "exactly one kind is required"));
    }
    String industryCode =
        industry == null || industry.isBlank() ? null : industry.strip().toUpperCase(Locale.ROOT);
    if (industryCode != null && !IndustryCodes.isCode(industryCode)) {
      conditions
          .errors()
          .add(
              new OrgRejected.FieldError(
                  "industry", "'" + industry + "' is not a GB/T 4754 code such as 2614 or C2614"));
    }
    Set<HazardFeature> features = conditions.hazards("hazards", hazards);
    conditions.throwIfInvalid();
    if (!OrgPolicy.sees(actor, district)
        || divisions.find(district).filter(d -> d.level() == DivisionLevel.DISTRICT).isEmpty()) {
      throw OrgNotFound.district(district);
    }
    ObjectProfile profile =
        new ObjectProfile(district, kinds.iterator().next(), industryCode, features);
    List<Department> candidates = departments.forDistrict(district);
    RuleEvaluator evaluator = new RuleEvaluator(rules.forDistrict(district), candidates);
    RuleEvaluator.Evaluation evaluation = evaluator.evaluate(profile);
    Map<String, Department> byCode =
        candidates.stream().collect(Collectors.toMap(Department::code, Function.identity()));
    List<Responsible> responsible = new ArrayList<>();
    for (RuleMatch match : evaluation.matches()) {
      responsible.add(
          new Responsible(
              match.departmentCode(),
              byCode.get(match.departmentCode()).name(),
              match.ruleId(),
              match.explanation()));
    }
    return new Evaluated(profile, evaluation.noRuleMatched(), responsible, evaluation.unresolved());
  }

  /** The answer of evaluate: the object as understood, and its departments in order. */
  record Evaluated(
      ObjectProfile object,
      boolean noRuleMatched,
      List<Responsible> departments,
      List<String> unresolved) {}

  /** One responsible department and why ({@code ruleId} null: the fallback). */
  record Responsible(String code, String name, Long ruleId, String explanation) {}

  /**
   * How many registered objects would gain or lose which departments if the change were made.
   * Writes nothing; without a registry, says so.
   */
  RulePreview.Result preview(ProposedChange proposal) {
    Actor actor = currentActor.require();
    List<ResponsibilityRule> before = rules.all();
    List<ResponsibilityRule> after = new ArrayList<>(before);
    Set<String> districts = new HashSet<>();
    boolean cityWide = false;
    switch (proposal.change()) {
      case CREATE -> {
        ResponsibilityRule rule = checked(required(proposal.rule()), null, true).withId(0);
        after.add(rule);
        cityWide = rule.cityWide();
        districts.add(rule.districtCode());
      }
      case UPDATE -> {
        ResponsibilityRule current = get(requiredId(proposal.ruleId()));
        OrgPolicy.requireMayChange(actor, current.districtCode());
        ResponsibilityRule rule =
            checked(required(proposal.rule()), current.id(), current.active());
        after.replaceAll(r -> r.id().equals(current.id()) ? rule : r);
        cityWide = rule.cityWide() || current.cityWide();
        districts.add(rule.districtCode());
        districts.add(current.districtCode());
      }
      case DEACTIVATE -> {
        ResponsibilityRule current = get(requiredId(proposal.ruleId()));
        OrgPolicy.requireMayChange(actor, current.districtCode());
        after.replaceAll(r -> r.id().equals(current.id()) ? r.deactivated() : r);
        cityWide = current.cityWide();
        districts.add(current.districtCode());
      }
    }
    String root =
        !cityWide && districts.size() == 1
            ? districts.iterator().next()
            : actor.scope().territoryCode();
    ObjectProfiles objects = registry.getIfAvailable();
    if (objects == null) {
      return RulePreview.Result.noRegistry(root);
    }
    try (Stream<ProfiledObject> stream = objects.within(root)) {
      return RulePreview.compute(root, before, after, departments.all(), stream);
    }
  }

  private static RuleDraft required(RuleDraft draft) {
    if (draft == null) {
      throw OrgRejected.field("rule", "the proposed rule is required");
    }
    return draft;
  }

  private static long requiredId(Long id) {
    if (id == null) {
      throw OrgRejected.field("ruleId", "the rule to change is required");
    }
    return id;
  }
}
