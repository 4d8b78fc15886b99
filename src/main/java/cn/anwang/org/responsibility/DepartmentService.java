package cn.anwang.org.responsibility;

import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import cn.anwang.org.ResponsibilityRulesChanged;
import cn.anwang.org.responsibility.OrgCommands.DepartmentDraft;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments for the current user (see {@link OrgPolicy}), and the unscoped {@link Departments}
 * facade for other modules. Every change is audited and publishes {@link
 * ResponsibilityRulesChanged}, since departments are what the rules resolve to.
 */
@Service
@Transactional(readOnly = true)
class DepartmentService implements Departments {

  private final DepartmentRepository departments;
  private final Divisions divisions;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  DepartmentService(
      DepartmentRepository departments,
      Divisions divisions,
      CurrentActor currentActor,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.departments = departments;
    this.divisions = divisions;
    this.currentActor = currentActor;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public Optional<Department> find(String code) {
    return departments.find(code);
  }

  @Override
  public List<Department> activeFor(String districtCode) {
    return departments.forDistrict(districtCode).stream()
        .filter(Department::active)
        .sorted(
            (a, b) ->
                a.cityLevel() == b.cityLevel()
                    ? a.code().compareTo(b.code())
                    : a.cityLevel() ? 1 : -1)
        .toList();
  }

  /** The departments the caller sees: city-level first, then their district's (or all). */
  List<Department> list() {
    String district = OrgPolicy.districtOf(currentActor.require());
    return district == null ? departments.all() : departments.forDistrict(district);
  }

  /** A department the caller sees. */
  Department get(String code) {
    Actor actor = currentActor.require();
    return departments
        .find(code)
        .filter(d -> OrgPolicy.sees(actor, d.districtCode()))
        .orElseThrow(() -> OrgNotFound.department(code));
  }

  /** Whether the caller may change this department (the pages show the form). */
  boolean mayChange(Department department) {
    return OrgPolicy.mayChange(currentActor.require(), department.districtCode());
  }

  boolean mayCreate() {
    return OrgPolicy.mayChangeAny(currentActor.require());
  }

  @Transactional
  Department create(DepartmentDraft draft) {
    Actor actor = currentActor.require();
    Conditions conditions = new Conditions();
    String district = conditions.districtCode("districtCode", draft.districtCode());
    if (draft.key() == null || draft.key().isBlank()) {
      conditions.errors().add(new OrgRejected.FieldError("key", "must not be blank"));
    }
    Department department =
        department(draft, draft.key(), district, true, draft.isFallback(), conditions);
    conditions.throwIfInvalid();
    if (!OrgPolicy.sees(actor, district)) {
      throw OrgNotFound.district(district);
    }
    OrgPolicy.requireMayChange(actor, district);
    if (district != null
        && divisions.find(district).filter(d -> d.level() == DivisionLevel.DISTRICT).isEmpty()) {
      throw OrgRejected.field("districtCode", "'" + district + "' is not a known district");
    }
    if (!departments.insertIfAbsent(department)) {
      throw OrgConflict.exists(department.code());
    }
    if (department.fallback()) {
      departments.clearOtherFallbacks(district, department.code());
    }
    Department created = departments.find(department.code()).orElseThrow();
    audit.record(
        "department.create", "department", created.code(), territory(district), null, created);
    changed(created, "created");
    return created;
  }

  @Transactional
  Department update(String code, DepartmentDraft draft) {
    Department current = get(code);
    OrgPolicy.requireMayChange(currentActor.require(), current.districtCode());
    Conditions conditions = new Conditions();
    if (draft.key() != null && !draft.key().isBlank() && !draft.key().equals(current.key())) {
      conditions.errors().add(new OrgRejected.FieldError("key", "cannot change"));
    }
    if (draft.districtCode() != null
        && !java.util.Objects.equals(
            conditions.districtCode("districtCode", draft.districtCode()),
            current.districtCode())) {
      conditions.errors().add(new OrgRejected.FieldError("districtCode", "cannot change"));
    }
    Department changed =
        department(
            draft,
            current.key(),
            current.districtCode(),
            current.active(),
            draft.fallback() == null ? current.fallback() : draft.fallback(),
            conditions);
    conditions.throwIfInvalid();
    checkVersion(current, draft.version());
    if (!departments.update(changed, current.version())) {
      throw OrgConflict.staleVersion("Department " + code, current.version(), -1);
    }
    // an inactive department keeps its flag for when it is activated, without taking it from
    // the active fallback meanwhile
    if (changed.fallback() && current.active()) {
      departments.clearOtherFallbacks(current.districtCode(), code);
    }
    Department updated = departments.find(code).orElseThrow();
    audit.record(
        "department.update",
        "department",
        code,
        territory(current.districtCode()),
        current,
        updated);
    changed(updated, "updated");
    return updated;
  }

  /** Takes a department out of the rules' reach (its history stays), or puts it back. */
  @Transactional
  Department setActive(String code, boolean active, Integer version) {
    Department current = get(code);
    OrgPolicy.requireMayChange(currentActor.require(), current.districtCode());
    checkVersion(current, version);
    if (current.active() == active) {
      return current;
    }
    if (!departments.setActive(code, active, current.version())) {
      throw OrgConflict.staleVersion("Department " + code, current.version(), -1);
    }
    if (active && current.fallback()) {
      departments.clearOtherFallbacks(current.districtCode(), code);
    }
    Department updated = departments.find(code).orElseThrow();
    audit.record(
        active ? "department.activate" : "department.deactivate",
        "department",
        code,
        territory(current.districtCode()),
        current,
        updated);
    changed(updated, active ? "activated" : "deactivated");
    return updated;
  }

  private static Department department(
      DepartmentDraft draft,
      String key,
      String district,
      boolean active,
      boolean fallback,
      Conditions conditions) {
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      conditions.errors().add(new OrgRejected.FieldError("name", "must be 1–100 characters"));
    }
    if (key != null && !key.matches(OrgCommands.KEY_PATTERN)) {
      conditions
          .errors()
          .add(new OrgRejected.FieldError("key", "must be 1–16 upper-case letters or digits"));
    }
    return new Department(
        Department.codeOf(district, key),
        key,
        name,
        district,
        conditions.industryPrefixes("dutyIndustries", draft.dutyIndustries()),
        conditions.hazards("dutyHazards", draft.dutyHazards()),
        conditions.kinds("dutyKinds", draft.dutyKinds()),
        fallback,
        active,
        false,
        0);
  }

  private static void checkVersion(Department current, Integer version) {
    if (version != null && version != current.version()) {
      throw OrgConflict.staleVersion("Department " + current.code(), version, current.version());
    }
  }

  static String territory(String districtCode) {
    return districtCode == null ? Department.CITY : districtCode;
  }

  private void changed(Department department, String change) {
    events.publishEvent(
        new ResponsibilityRulesChanged(
            department.districtCode() == null ? Set.of() : Set.of(department.districtCode()),
            null,
            department.code(),
            change));
  }
}
