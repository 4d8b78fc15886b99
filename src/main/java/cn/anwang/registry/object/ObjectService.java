package cn.anwang.registry.object;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.GridLocator;
import cn.anwang.area.Grids;
import cn.anwang.area.Location;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import cn.anwang.shared.industry.IndustryClassification;
import cn.anwang.shared.industry.IndustryCodeCheck;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Supervised objects for the current user: read inside their scope (territory × department),
 * written by administrators (and, for their objects, department staff). Every write recomputes the
 * derived fields (division, grid, risk, rule departments), records a history row and an audit entry
 * in the same transaction; every read of unmasked contacts is audited.
 */
@Service
@Transactional(readOnly = true)
class ObjectService {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String TARGET = "supervised_object";

  private final ObjectRepository objects;
  private final GridLocator locator;
  private final Grids grids;
  private final Divisions divisions;
  private final IndustryClassification industries;
  private final ResponsibleDepartments rules;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final ObjectMapper json;

  ObjectService(
      ObjectRepository objects,
      GridLocator locator,
      Grids grids,
      Divisions divisions,
      IndustryClassification industries,
      ResponsibleDepartments rules,
      CurrentActor currentActor,
      AuditLog audit,
      ObjectMapper json) {
    this.objects = objects;
    this.locator = locator;
    this.grids = grids;
    this.divisions = divisions;
    this.industries = industries;
    this.rules = rules;
    this.currentActor = currentActor;
    this.audit = audit;
    this.json = json;
  }

  // ------------------------------------------------------------------ reads

  /** An object in the caller's scope; contacts in full (audited) when the role may see them. */
  @Transactional
  ObjectView get(long id) {
    Actor actor = currentActor.require();
    SupervisedObject o = visible(actor, id);
    boolean reveal = Contacts.mayReveal(actor);
    if (reveal && (o.contactName() != null || o.contactPhone() != null)) {
      audit.record(
          "object.contacts.read", TARGET, String.valueOf(id), o.divisionCode(), null, null);
    }
    return ObjectView.of(o, objects.departments(id), reveal);
  }

  /** A page of objects in the caller's scope; contacts always masked in lists. */
  ObjectPage search(ObjectQuery query, int page, int size) {
    Actor actor = currentActor.require();
    int p = Math.max(0, page);
    int s = Math.min(Math.max(1, size), 200);
    String territory = actor.scope().territoryCode();
    String department = departmentScope(actor);
    List<ObjectView> rows =
        objects.search(territory, department, query, p * s, s).stream()
            .map(o -> ObjectView.of(o, null, false))
            .toList();
    long counted = objects.countUpTo(territory, department, query, COUNT_CAP + 1);
    return new ObjectPage(rows, Math.min(counted, COUNT_CAP), counted <= COUNT_CAP, p, s);
  }

  /**
   * The most objects a list counts exactly; past it the list says "more than 2,000": counting a
   * whole city or district reads every matching row, which costs more than the page itself.
   */
  static final int COUNT_CAP = 2_000;

  /**
   * A page of the object list.
   *
   * @param total the number of matching objects, or {@link #COUNT_CAP} when there are more
   * @param totalExact false when {@code total} is the cap and more objects match ("2,000+")
   */
  record ObjectPage(List<ObjectView> objects, long total, boolean totalExact, int page, int size) {

    /** The number of pages; a lower bound (at least one page past this one) when not exact. */
    public int pages() {
      int counted = (int) Math.max(1, (total + size - 1) / size);
      return totalExact ? counted : Math.max(counted, page + 2);
    }

    /** Whether a next page has objects (or may have them, past an inexact total). */
    public boolean hasNext() {
      return totalExact ? (long) (page + 1) * size < total : objects.size() == size;
    }
  }

  /** The responsible department codes of listed objects (already in the caller's scope). */
  Map<Long, List<String>> departmentCodes(List<ObjectView> listed) {
    return objects.departmentCodes(listed.stream().map(ObjectView::id).toList());
  }

  /** Located objects in the caller's scope for the map, highest risk first, at most the limit. */
  List<ObjectRepository.MapPoint> mapPoints(ObjectQuery query, int limit) {
    Actor actor = currentActor.require();
    return objects.points(actor.scope().territoryCode(), departmentScope(actor), query, limit);
  }

  /** An object's change history, newest first. */
  List<HistoryEntry> history(long id) {
    visible(currentActor.require(), id);
    return objects.history(id);
  }

  /** Objects moved between grids since the instant, in the caller's territory. */
  List<GridMove> moves(Instant since) {
    Actor actor = currentActor.require();
    return objects.moves(actor.scope().territoryCode(), since, 1000);
  }

  // ------------------------------------------------------------------ writes

  /** Whether the caller registers objects (the pages show the form). */
  /**
   * The district whose departments the list offers as a filter: the caller's own district, null for
   * a city-wide caller (city-level departments); empty for department staff, who see one.
   */
  Optional<String> departmentFilterDistrict() {
    Actor actor = currentActor.require();
    if (actor.role() == Role.DEPARTMENT_STAFF) {
      return Optional.empty();
    }
    String territory = actor.scope().territoryCode();
    return Optional.of(territory.length() >= 6 ? territory.substring(0, 6) : "");
  }

  boolean mayCreate() {
    return currentActor.require().role().isAdministrator();
  }

  /** Whether the caller changes the objects they see (the pages show the form). */
  boolean mayEdit() {
    Role role = currentActor.require().role();
    return role.isAdministrator() || role == Role.DEPARTMENT_STAFF;
  }

  /** Whether the caller sees contacts in full (the form then shows and sends them). */
  boolean mayRevealContacts() {
    return Contacts.mayReveal(currentActor.require());
  }

  /** Whether the caller deletes the objects they see (the pages show the button). */
  boolean mayDelete() {
    Role role = currentActor.require().role();
    return role == Role.CITY_ADMIN || role == Role.DISTRICT_ADMIN;
  }

  @Transactional
  ObjectView create(ObjectInput in) {
    Actor actor = currentActor.require();
    if (!mayCreate()) {
      throw new AccessDeniedException("Only administrators register objects");
    }
    SupervisedObject created = compose(actor, null, in);
    checkDuplicates(actor, created);
    long id = objects.insert(created);
    List<DepartmentLink> departments = departments(created, null, in.departments());
    objects.replaceDepartments(id, departments);
    SupervisedObject stored = objects.find(id).orElseThrow();
    Map<String, Object> after = snapshot(stored, departments);
    objects.addHistory(
        id, stored.districtCode(), actor.username(), "create", diff(Map.of(), after));
    audit.record("object.create", TARGET, String.valueOf(id), stored.divisionCode(), null, after);
    if (stored.usccOverrideReason() != null) {
      audit.record(
          "object.uscc.override",
          TARGET,
          String.valueOf(id),
          stored.divisionCode(),
          null,
          Map.of("uscc", stored.uscc(), "reason", stored.usccOverrideReason()));
    }
    return ObjectView.of(stored, departments, Contacts.mayReveal(actor));
  }

  /**
   * Changes the fields given.
   *
   * @param ifMatch the version from an {@code If-Match} header, or null
   */
  @Transactional
  ObjectView update(long id, ObjectInput in, Integer ifMatch) {
    Actor actor = currentActor.require();
    if (!mayEdit()) {
      throw new AccessDeniedException("Your role does not change objects");
    }
    SupervisedObject current = visible(actor, id);
    if (ifMatch != null && ifMatch != current.version()) {
      throw ObjectVersionConflict.forId(id, ifMatch, current.version(), true);
    }
    if (ifMatch == null && in.version() == null) {
      throw ObjectRejected.field(
          "version",
          "Send the version you read (in the body or as If-Match)",
          "registry.rejected.versionRequired");
    }
    if (in.version() != null && in.version() != current.version()) {
      throw ObjectVersionConflict.forId(id, in.version(), current.version(), false);
    }
    SupervisedObject changed = compose(actor, current, in);
    checkDuplicates(actor, changed);
    List<DepartmentLink> beforeDepartments = objects.departments(id);
    if (!objects.update(changed)) {
      throw ObjectVersionConflict.forId(id, current.version(), current.version() + 1, false);
    }
    List<DepartmentLink> departments = departments(changed, beforeDepartments, in.departments());
    objects.replaceDepartments(id, departments);
    SupervisedObject stored = objects.find(id).orElseThrow();
    Map<String, Object> before = snapshot(current, beforeDepartments);
    Map<String, Object> after = snapshot(stored, departments);
    String action = current.status() != stored.status() ? "status" : "update";
    objects.addHistory(id, stored.districtCode(), actor.username(), action, diff(before, after));
    audit.record(
        "object." + action, TARGET, String.valueOf(id), stored.divisionCode(), before, after);
    if (stored.usccOverrideReason() != null
        && !Objects.equals(stored.usccOverrideReason(), current.usccOverrideReason())) {
      audit.record(
          "object.uscc.override",
          TARGET,
          String.valueOf(id),
          stored.divisionCode(),
          null,
          Map.of("uscc", stored.uscc(), "reason", stored.usccOverrideReason()));
    }
    return ObjectView.of(stored, departments, Contacts.mayReveal(actor));
  }

  /** Deletes an object for good: city and district administrators only; prefer closing it. */
  @Transactional
  void delete(long id, Integer ifMatch) {
    Actor actor = currentActor.require();
    if (!mayDelete()) {
      throw new AccessDeniedException("Only city and district administrators delete objects");
    }
    SupervisedObject current = visible(actor, id);
    if (ifMatch != null && ifMatch != current.version()) {
      throw ObjectVersionConflict.forId(id, ifMatch, current.version(), true);
    }
    Map<String, Object> before = snapshot(current, objects.departments(id));
    if (!objects.delete(id, current.version())) {
      throw ObjectVersionConflict.forId(id, current.version(), current.version() + 1, false);
    }
    audit.record("object.delete", TARGET, String.valueOf(id), current.divisionCode(), before, null);
  }

  // ------------------------------------------------------------------ rules

  /** The object the input describes, on top of the current one (null for a create). */
  SupervisedObject compose(Actor actor, SupervisedObject current, ObjectInput in) {
    ObjectKind kind = pick(in.kind(), current == null ? null : current.kind());
    if (kind == null) {
      throw required("kind");
    }
    String name = text(in.name(), current == null ? null : current.name());
    if (name == null) {
      throw required("name");
    }
    String address = text(in.address(), current == null ? null : current.address());
    if (address == null) {
      throw required("address");
    }

    String uscc = current == null ? null : current.uscc();
    String usccWhy = current == null ? null : current.usccOverrideReason();
    if (in.uscc() != null) {
      UsccPolicy.Accepted accepted = UsccPolicy.accept(in.uscc(), in.usccOverrideReason());
      uscc = accepted.code();
      usccWhy = accepted.overrideReason();
    }

    Double lon = current == null ? null : current.lon();
    Double lat = current == null ? null : current.lat();
    if (in.lon() != null || in.lat() != null) {
      if (in.lon() == null || in.lat() == null) {
        throw ObjectRejected.field(
            in.lon() == null ? "lon" : "lat",
            "Give both lon and lat",
            "registry.rejected.halfLocation");
      }
      CoordinateSystem crs = CoordinateSystem.WGS84;
      if (in.crs() != null && !in.crs().isBlank()) {
        crs =
            CoordinateSystem.parse(in.crs())
                .orElseThrow(
                    () ->
                        ObjectRejected.field(
                            "crs",
                            "Unknown coordinate system '" + in.crs() + "': wgs84, gcj02 or bd09",
                            "registry.rejected.crs",
                            in.crs()));
      }
      GeoPoint wgs = Placement.toWgs84(in.lon(), in.lat(), crs);
      lon = wgs.lon();
      lat = wgs.lat();
    }

    String industry = current == null ? null : current.industryCode();
    if (in.industryCode() != null) {
      if (in.industryCode().isBlank()) {
        industry = null;
      } else {
        IndustryCodeCheck check = industries.normalise(in.industryCode());
        if (!check.valid()) {
          throw ObjectRejected.field(
              "industryCode",
              check.message(),
              check.problem().messageKey(),
              check.arguments().toArray());
        }
        industry = check.code();
      }
    }

    Scale scale = pick(in.scale(), current == null ? null : current.scale());
    Integer employees = pick(in.employees(), current == null ? null : current.employees());
    Set<HazardFeature> hazards =
        in.hazards() != null
            ? in.hazards()
            : current == null ? EnumSet.noneOf(HazardFeature.class) : current.hazards();
    String contactName = text(in.contactName(), current == null ? null : current.contactName());
    String contactPhone = text(in.contactPhone(), current == null ? null : current.contactPhone());
    ObjectStatus status =
        pick(in.status(), current == null ? ObjectStatus.OPERATING : current.status());

    boolean direct = current != null && current.directSupervision();
    DirectSupervisionReason directWhy = current == null ? null : current.directSupervisionReason();
    if (Boolean.FALSE.equals(in.directSupervision())) {
      direct = false;
      directWhy = null;
    } else if (in.directSupervisionReason() != null) {
      direct = true;
      directWhy = in.directSupervisionReason();
    } else if (Boolean.TRUE.equals(in.directSupervision()) && directWhy == null) {
      throw ObjectRejected.field(
          "directSupervisionReason",
          "Direct district supervision needs a reason",
          "registry.rejected.directReason");
    }

    LocalDate today = LocalDate.now(CHINA);
    LocalDate accident =
        pick(in.lastAccidentOn(), current == null ? null : current.lastAccidentOn());
    if (accident != null && accident.isAfter(today)) {
      throw ObjectRejected.field(
          "lastAccidentOn",
          "The last accident cannot lie in the future",
          "registry.rejected.future");
    }

    Place place = place(actor, current, in, lon, lat);

    RiskRules.Assessment risk =
        RiskRules.assess(new RiskRules.Facts(kind, hazards, scale, employees, accident, today));
    RiskLevel riskOverride = current == null ? null : current.riskOverrideLevel();
    String riskWhy = current == null ? null : current.riskOverrideReason();
    String riskBy = current == null ? null : current.riskOverrideBy();
    if (Boolean.TRUE.equals(in.clearRiskOverride())) {
      riskOverride = null;
      riskWhy = null;
      riskBy = null;
    }
    if (in.riskOverrideLevel() != null) {
      if (in.riskOverrideReason() == null || in.riskOverrideReason().isBlank()) {
        throw ObjectRejected.field(
            "riskOverrideReason",
            "Overriding the risk level needs a reason",
            "registry.rejected.riskReason");
      }
      riskOverride = in.riskOverrideLevel();
      riskWhy = in.riskOverrideReason().strip();
      riskBy = actor.username();
    }

    return new SupervisedObject(
        current == null ? null : current.id(),
        place.districtCode,
        place.streetCode,
        place.villageCode,
        place.divisionCode(),
        place.gridCode,
        place.overrideBy,
        place.overrideReason,
        kind,
        uscc,
        usccWhy,
        name,
        address,
        lon,
        lat,
        industry,
        scale,
        employees,
        hazards,
        contactName,
        contactPhone,
        status,
        direct,
        directWhy,
        accident,
        risk.level(),
        risk.ruleId(),
        riskOverride,
        riskWhy,
        riskBy,
        current == null ? null : current.createdAt(),
        current == null ? null : current.updatedAt(),
        current == null ? 0 : current.version());
  }

  /** Where an object sits in the division tree and the grids. */
  private record Place(
      String districtCode,
      String streetCode,
      String villageCode,
      String gridCode,
      String overrideBy,
      String overrideReason) {

    String divisionCode() {
      return villageCode != null ? villageCode : streetCode != null ? streetCode : districtCode;
    }

    static Place of(Location l, String overrideBy, String overrideReason) {
      return new Place(
          l.district().code(),
          l.street().code(),
          l.village() == null ? null : l.village().code(),
          l.grid().code(),
          overrideBy,
          overrideReason);
    }
  }

  private Place place(
      Actor actor, SupervisedObject current, ObjectInput in, Double lon, Double lat) {
    Place place;
    boolean keepOverride =
        current != null
            && current.gridOverrideBy() != null
            && !Boolean.TRUE.equals(in.clearGridOverride());
    if (in.gridCode() != null && !in.gridCode().isBlank()) {
      if (in.gridOverrideReason() == null || in.gridOverrideReason().isBlank()) {
        throw ObjectRejected.field(
            "gridOverrideReason",
            "Placing an object in a grid by hand needs a reason",
            "registry.rejected.gridReason");
      }
      String code = in.gridCode().strip();
      Grids.GridRef grid =
          grids
              .find(code)
              .filter(g -> actor.covers(g.divisionCode()))
              .orElseThrow(
                  () ->
                      ObjectRejected.field(
                          "gridCode",
                          "Grid '" + code + "' does not exist or is outside your territory",
                          "registry.rejected.grid",
                          code));
      String div = grid.divisionCode();
      place =
          new Place(
              grid.districtCode(),
              div.length() >= 9 ? div.substring(0, 9) : null,
              div.length() == 12 ? div : null,
              code,
              actor.username(),
              in.gridOverrideReason().strip());
    } else if (keepOverride) {
      place =
          new Place(
              current.districtCode(),
              current.streetCode(),
              current.villageCode(),
              current.gridCode(),
              current.gridOverrideBy(),
              current.gridOverrideReason());
    } else {
      Optional<Location> located = lon == null ? Optional.empty() : locator.locate(lon, lat);
      place =
          located
              .map(l -> Place.of(l, null, null))
              .orElseGet(() -> outsideGrids(actor, current, in));
    }
    if (!actor.covers(place.divisionCode())) {
      throw ObjectRejected.field(
          lon == null ? "districtCode" : "location",
          "The object would lie in "
              + place.divisionCode()
              + ", outside your territory "
              + actor.scope().territoryCode(),
          "registry.rejected.outsideTerritory",
          place.divisionCode());
    }
    return place;
  }

  /** An object no grid covers: filed under the given district, or the caller's own divisions. */
  private Place outsideGrids(Actor actor, SupervisedObject current, ObjectInput in) {
    String territory = actor.scope().territoryCode();
    String district = in.districtCode() == null ? null : in.districtCode().strip();
    if (district == null && current != null) {
      district = current.districtCode();
    }
    if (district == null && territory.length() >= 6) {
      district = territory.substring(0, 6);
    }
    if (district == null) {
      throw ObjectRejected.field(
          "districtCode",
          "The object lies outside every grid: say which district it belongs to",
          "registry.rejected.districtRequired");
    }
    String code = district;
    Division division =
        divisions
            .find(code)
            .filter(d -> code.length() == 6)
            .orElseThrow(
                () ->
                    ObjectRejected.field(
                        "districtCode",
                        "Unknown district '" + code + "'",
                        "registry.rejected.district",
                        code));
    String street = null;
    String village = null;
    if (territory.length() >= 9 && territory.startsWith(division.code())) {
      street = territory.substring(0, 9);
      village = territory.length() == 12 ? territory : null;
    } else if (current != null && division.code().equals(current.districtCode())) {
      // keep the divisions it had when it was last in a grid
      street = current.streetCode();
      village = current.villageCode();
    }
    return new Place(division.code(), street, village, null, null, null);
  }

  private List<DepartmentLink> departments(
      SupervisedObject o, List<DepartmentLink> before, List<String> manual) {
    List<DepartmentLink> links =
        new ArrayList<>(
            DepartmentLink.ofRules(
                rules.responsibleFor(o.districtCode(), o.kind(), o.industryCode(), o.hazards())));
    Set<String> seen = new LinkedHashSet<>();
    links.forEach(l -> seen.add(l.departmentCode()));
    List<String> manualCodes =
        manual != null
            ? manual.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList()
            : before == null
                ? List.of()
                : before.stream()
                    .filter(l -> l.source() == DepartmentLink.Source.MANUAL)
                    .map(DepartmentLink::departmentCode)
                    .toList();
    for (String code : manualCodes) {
      if (seen.add(code)) {
        links.add(new DepartmentLink(code, DepartmentLink.Source.MANUAL, null));
      }
    }
    return links;
  }

  private void checkDuplicates(Actor actor, SupervisedObject o) {
    if (o.uscc() != null) {
      objects
          .idWithUscc(o.uscc())
          .filter(other -> !other.equals(o.id()))
          .ifPresent(
              other -> {
                throw ObjectDuplicate.uscc(o.uscc(), seen(actor, other));
              });
    }
    objects.idsWithNameAndAddress(o.districtCode(), o.name(), o.address()).stream()
        .filter(other -> !other.equals(o.id()))
        .findFirst()
        .ifPresent(
            other -> {
              throw ObjectDuplicate.nameAndAddress(seen(actor, other));
            });
  }

  private Long seen(Actor actor, long id) {
    return findVisible(actor, id).isPresent() ? id : null;
  }

  // ------------------------------------------------------------------ scope

  private SupervisedObject visible(Actor actor, long id) {
    return findVisible(actor, id).orElseThrow(() -> ObjectNotFound.forId(id));
  }

  private Optional<SupervisedObject> findVisible(Actor actor, long id) {
    String department = departmentScope(actor);
    return objects
        .find(id)
        .filter(o -> actor.covers(o.divisionCode()))
        .filter(o -> department == null || objects.isResponsible(id, department));
  }

  /** The department a user is limited to: department staff see only their department's objects. */
  static String departmentScope(Actor actor) {
    return actor.role() == Role.DEPARTMENT_STAFF ? actor.scope().departmentCode() : null;
  }

  // ------------------------------------------------------------------ history

  /** The fields people see in history and audit; contacts only as "set" or absent. */
  static Map<String, Object> snapshot(SupervisedObject o, List<DepartmentLink> departments) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", o.kind());
    s.put("name", o.name());
    s.put("address", o.address());
    s.put("uscc", o.uscc());
    s.put("usccOverrideReason", o.usccOverrideReason());
    s.put("lon", o.lon());
    s.put("lat", o.lat());
    s.put("districtCode", o.districtCode());
    s.put("streetCode", o.streetCode());
    s.put("villageCode", o.villageCode());
    s.put("gridCode", o.gridCode());
    s.put("gridOverrideBy", o.gridOverrideBy());
    s.put("gridOverrideReason", o.gridOverrideReason());
    s.put("industryCode", o.industryCode());
    s.put("scale", o.scale());
    s.put("employees", o.employees());
    s.put("hazards", o.hazards().stream().map(Enum::name).sorted().toList());
    s.put("contactName", Contacts.maskName(o.contactName()));
    s.put("contactPhone", Contacts.maskPhone(o.contactPhone()));
    s.put("status", o.status());
    s.put("directSupervisionReason", o.directSupervisionReason());
    s.put("lastAccidentOn", o.lastAccidentOn());
    s.put("riskLevel", o.riskLevel());
    s.put("riskRule", o.riskRule());
    s.put("riskOverrideLevel", o.riskOverrideLevel());
    s.put("riskOverrideReason", o.riskOverrideReason());
    s.put(
        "departments",
        departments == null
            ? List.of()
            : departments.stream().map(DepartmentLink::departmentCode).toList());
    return s;
  }

  /** A value as JSON (a string quoted and escaped). */
  String json(Object value) {
    return json.writeValueAsString(value);
  }

  /** {@code field → [before, after]} for every field that differs, as JSON. */
  String diff(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : after.entrySet()) {
      Object old = before.get(e.getKey());
      if (!Objects.equals(String.valueOf(old), String.valueOf(e.getValue()))) {
        List<Object> pair = new ArrayList<>(2);
        pair.add(old);
        pair.add(e.getValue());
        changes.put(e.getKey(), pair);
      }
    }
    return json.writeValueAsString(changes);
  }

  // ------------------------------------------------------------------ helpers

  private static <T> T pick(T given, T current) {
    return given != null ? given : current;
  }

  /** The given text stripped (blank clears it), else the current value. */
  private static String text(String given, String current) {
    if (given == null) {
      return current;
    }
    String s = given.strip();
    return s.isEmpty() ? null : s;
  }

  private static ObjectRejected required(String field) {
    return ObjectRejected.field(
        field, "'" + field + "' is required", "registry.rejected.required", field);
  }
}
