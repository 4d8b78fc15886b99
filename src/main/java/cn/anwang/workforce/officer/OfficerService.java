package cn.anwang.workforce.officer;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.pii.PhoneNumbers;
import cn.anwang.shared.pii.PiiProtector;
import cn.anwang.shared.pii.ResidentIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers as the API and pages use them: scoped by {@link WorkforcePolicy} (out of scope is "not
 * found"), validated, audited. Assignment rules stay in {@link Assignments}.
 */
@Service
@Transactional
public class OfficerService {

  /** At most this many officers per page. */
  public static final int MAX_PAGE_SIZE = 200;

  private final JdbcClient jdbc;
  private final OfficerRepository officers;
  private final Assignments assignments;
  private final Divisions divisions;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final PiiProtector pii;

  OfficerService(
      JdbcClient jdbc,
      OfficerRepository officers,
      Assignments assignments,
      Divisions divisions,
      CurrentActor currentActor,
      AuditLog audit,
      PiiProtector pii) {
    this.jdbc = jdbc;
    this.officers = officers;
    this.assignments = assignments;
    this.divisions = divisions;
    this.currentActor = currentActor;
    this.audit = audit;
    this.pii = pii;
  }

  // ------------------------------------------------------------------ reading

  /**
   * Filters of the officer list.
   *
   * @param division a street or village code prefix
   * @param q text in the name
   */
  public record OfficerQuery(
      String division, Tier tier, OfficerStatus status, Employment employment, String q) {

    public static OfficerQuery none() {
      return new OfficerQuery(null, null, null, null, null);
    }
  }

  /** A row of the officer list (phone always masked). */
  public record OfficerRow(
      long id,
      String divisionCode,
      String divisionName,
      String name,
      String phone,
      Tier tier,
      Employment employment,
      boolean enforcementPower,
      OfficerStatus status,
      int currentGrids) {}

  /** A page of the officer list. */
  public record OfficerPage(List<OfficerRow> officers, long total, int page, int size) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** The officers in the caller's scope matching the filters, a page at a time. */
  @Transactional(readOnly = true)
  public OfficerPage list(OfficerQuery query, int page, int size) {
    Actor actor = requireWorkforceReader();
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    int pageNo = Math.max(0, page);
    StringBuilder where = new StringBuilder(" WHERE true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (isOfficerRole(actor)) {
      where.append(" AND o.user_id = :uid");
      params.put("uid", actor.userId());
    } else {
      where.append(" AND o.division_code LIKE :scope");
      params.put("scope", actor.scope().likePattern());
    }
    if (query.division() != null && !query.division().isBlank()) {
      where.append(" AND o.division_code LIKE :division");
      params.put("division", query.division().strip() + "%");
    }
    if (query.tier() != null) {
      where.append(" AND o.tier = :tier");
      params.put("tier", query.tier().name());
    }
    if (query.status() != null) {
      where.append(" AND o.status = :status");
      params.put("status", query.status().name());
    }
    if (query.employment() != null) {
      where.append(" AND o.employment = :employment");
      params.put("employment", query.employment().name());
    }
    if (query.q() != null && !query.q().isBlank()) {
      where.append(" AND o.name ILIKE :q");
      params.put("q", "%" + likeEscape(query.q().strip()) + "%");
    }
    long total =
        jdbc.sql("SELECT count(*) FROM officer o" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", pageSize);
    params.put("offset", (long) pageNo * pageSize);
    List<OfficerRow> rows =
        jdbc.sql(
                "SELECT o.id, o.division_code, o.name, o.phone, o.tier, o.employment,"
                    + " o.enforcement_power, o.status,"
                    + " (SELECT count(*) FROM officer_assignment a"
                    + "   WHERE a.officer_id = o.id AND a.ends_on IS NULL) AS grids"
                    + " FROM officer o"
                    + where
                    + " ORDER BY o.division_code, o.name, o.id LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, n) ->
                    new OfficerRow(
                        rs.getLong("id"),
                        rs.getString("division_code"),
                        null,
                        rs.getString("name"),
                        PhoneNumbers.masked(rs.getString("phone")),
                        Tier.valueOf(rs.getString("tier")),
                        Employment.valueOf(rs.getString("employment")),
                        rs.getBoolean("enforcement_power"),
                        OfficerStatus.valueOf(rs.getString("status")),
                        rs.getInt("grids")))
            .list();
    Map<String, String> names = new HashMap<>();
    List<OfficerRow> named = new ArrayList<>(rows.size());
    for (OfficerRow r : rows) {
      String divisionName = names.computeIfAbsent(r.divisionCode(), this::divisionName);
      named.add(
          new OfficerRow(
              r.id(),
              r.divisionCode(),
              divisionName,
              r.name(),
              r.phone(),
              r.tier(),
              r.employment(),
              r.enforcementPower(),
              r.status(),
              r.currentGrids()));
    }
    return new OfficerPage(named, total, pageNo, pageSize);
  }

  /**
   * An officer the caller may see, the phone in full for those {@link WorkforcePolicy#revealsPhone}
   * allows when {@code revealPhone} (each such read audited).
   */
  public OfficerView get(long id, boolean revealPhone) {
    Actor actor = currentActor.require();
    Officer officer = visible(actor, id);
    boolean reveal = revealPhone && WorkforcePolicy.revealsPhone(actor) && officer.phone() != null;
    if (reveal) {
      auditPhoneRead(officer);
    }
    return view(officer, reveal);
  }

  /** The caller's own officer record (grid officers). */
  public OfficerView me() {
    Actor actor = currentActor.require();
    Officer officer =
        jdbc.sql("SELECT " + OfficerRepository.COLUMNS + " FROM officer WHERE user_id = ?")
            .param(actor.userId())
            .query(OfficerRepository.ROW)
            .optional()
            .orElseThrow(() -> OfficerProblem.notFound("me", actor.username()));
    return view(officer, false);
  }

  /** The full phone number of an officer (administrators), audited; null when none. */
  public String revealPhone(long id) {
    Actor actor = currentActor.require();
    Officer officer = visible(actor, id);
    if (!WorkforcePolicy.revealsPhone(actor)) {
      throw OfficerProblem.forbidden();
    }
    if (officer.phone() != null) {
      auditPhoneRead(officer);
    }
    return officer.phone();
  }

  private void auditPhoneRead(Officer officer) {
    audit.record(
        "officer.phone.read",
        "officer",
        Long.toString(officer.id()),
        officer.divisionCode(),
        null,
        Map.of("field", "phone"));
  }

  /** The officer, if the caller may see it; else "not found". */
  @Transactional(readOnly = true)
  public Officer visible(long id) {
    return visible(currentActor.require(), id);
  }

  Officer visible(Actor actor, long id) {
    return officers
        .find(id)
        .filter(o -> WorkforcePolicy.seesOfficer(actor, o))
        .orElseThrow(() -> OfficerProblem.notFound("officer", id));
  }

  /** The officer, if the caller manages its division; "not found" when not even visible. */
  @Transactional(readOnly = true)
  public Officer managed(long id) {
    Actor actor = currentActor.require();
    Officer officer = visible(actor, id);
    if (!WorkforcePolicy.manages(actor, officer.divisionCode())) {
      if (WorkforcePolicy.sees(actor, officer.divisionCode())) {
        throw OfficerProblem.forbidden();
      }
      throw OfficerProblem.notFound("officer", id);
    }
    return officer;
  }

  /** Whether the caller may create and change officers at all. */
  public boolean mayManage() {
    return currentActor.current().map(a -> a.role().isAdministrator()).orElse(false);
  }

  OfficerView view(Officer officer, boolean fullPhone) {
    List<String> grids =
        assignments.current(officer.id()).stream().map(Assignment::gridCode).toList();
    String username =
        officer.userId() == null
            ? null
            : jdbc.sql("SELECT username FROM app_user WHERE id = ?")
                .param(officer.userId())
                .query(String.class)
                .optional()
                .orElse(null);
    return new OfficerView(
        officer.id(),
        officer.districtCode(),
        officer.divisionCode(),
        divisionName(officer.divisionCode()),
        officer.name(),
        fullPhone ? officer.phone() : PhoneNumbers.masked(officer.phone()),
        !fullPhone && officer.phone() != null,
        ResidentIdNumber.masked(officer.idNumberTail()),
        officer.tier(),
        officer.employment(),
        officer.enforcementPower(),
        officer.status(),
        officer.userId(),
        username,
        grids,
        officer.version());
  }

  String divisionName(String code) {
    return divisions.find(code).map(Division::name).orElse(code);
  }

  // ------------------------------------------------------------------ writing

  /** Registers an officer (status CANDIDATE until the first grid). */
  public OfficerView create(OfficerInput input) {
    Actor actor = currentActor.require();
    if (!actor.role().isAdministrator()) {
      throw OfficerProblem.forbidden();
    }
    List<OfficerProblem> problems = problems(actor, input, null);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    requireUniqueIdNumber(actor, input.idNumber(), null);
    long id = insert(input, actor, false);
    Officer created = officers.find(id).orElseThrow();
    audit.record(
        "officer.create",
        "officer",
        Long.toString(id),
        created.divisionCode(),
        null,
        auditState(created));
    return view(created, false);
  }

  /** Inserts a validated officer; returns its id. */
  long insert(OfficerInput input, Actor actor, boolean synthetic) {
    PiiProtector.ProtectedIdNumber idNumber = pii.protectIdNumber(input.idNumber());
    String division = input.divisionCode().strip();
    return jdbc.sql(
            """
            INSERT INTO officer (district_code, division_code, name, phone, id_number_cipher,
                id_number_hash, id_number_tail, tier, employment, enforcement_power, user_id,
                synthetic)
            VALUES (:district, :division, :name, :phone, :cipher, :hash, :tail, :tier,
                :employment, :enforcement, :user, :synthetic)
            RETURNING id
            """)
        .param("district", division.substring(0, 6))
        .param("division", division)
        .param("name", input.name().strip())
        .param("phone", PhoneNumbers.normalise(input.phone()))
        .param("cipher", idNumber.cipher())
        .param("hash", idNumber.hash())
        .param("tail", idNumber.tail())
        .param("tier", input.tier().name())
        .param("employment", input.employment().name())
        .param("enforcement", Boolean.TRUE.equals(input.enforcementPower()))
        .param("user", input.userId() == null || input.userId() == 0 ? null : input.userId())
        .param("synthetic", synthetic)
        .query(Long.class)
        .single();
  }

  /** Changes the fields sent; {@code version} must be the one read (409 when stale). */
  public OfficerView update(long id, OfficerInput changes) {
    Actor actor = currentActor.require();
    Officer before = managed(id);
    if (changes.version() == null) {
      throw OfficerProblem.rejected("version", "versionRequired");
    }
    Officer locked = officers.lock(id).orElseThrow();
    if (locked.version() != changes.version()) {
      throw OfficerProblem.conflict(
          "version", "stale", null, locked.name(), changes.version(), locked.version());
    }
    if (changes.tier() != null && changes.tier() != locked.tier()) {
      if (!assignments.current(id).isEmpty()) {
        throw OfficerProblem.rejected("tier", "tierWithGrids", locked.name());
      }
    }
    OfficerInput merged =
        new OfficerInput(
            changes.divisionCode() != null ? changes.divisionCode() : locked.divisionCode(),
            changes.name() != null ? changes.name() : locked.name(),
            changes.phone() != null ? changes.phone() : locked.phone(),
            changes.idNumber(),
            changes.tier() != null ? changes.tier() : locked.tier(),
            changes.employment() != null ? changes.employment() : locked.employment(),
            changes.enforcementPower() != null
                ? changes.enforcementPower()
                : locked.enforcementPower(),
            changes.userId() != null ? changes.userId() : locked.userId(),
            changes.version());
    if (!merged.divisionCode().strip().equals(locked.divisionCode())
        && !assignments.current(id).isEmpty()) {
      throw OfficerProblem.rejected("divisionCode", "divisionWithGrids", locked.name());
    }
    List<OfficerProblem> problems = problems(actor, merged, id);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    if (changes.idNumber() != null) {
      requireUniqueIdNumber(actor, changes.idNumber(), id);
      PiiProtector.ProtectedIdNumber idNumber = pii.protectIdNumber(changes.idNumber());
      jdbc.sql(
              "UPDATE officer SET id_number_cipher = ?, id_number_hash = ?, id_number_tail = ?"
                  + " WHERE id = ?")
          .params(idNumber.cipher(), idNumber.hash(), idNumber.tail(), id)
          .update();
    }
    String division = merged.divisionCode().strip();
    jdbc.sql(
            """
            UPDATE officer SET district_code = :district, division_code = :division, name = :name,
                   phone = :phone, tier = :tier, employment = :employment,
                   enforcement_power = :enforcement, user_id = :user, updated_at = now(),
                   version = version + 1
             WHERE id = :id
            """)
        .param("district", division.substring(0, 6))
        .param("division", division)
        .param("name", merged.name().strip())
        .param("phone", PhoneNumbers.normalise(merged.phone()))
        .param("tier", merged.tier().name())
        .param("employment", merged.employment().name())
        .param("enforcement", merged.enforcementPower())
        .param("user", merged.userId() == null || merged.userId() == 0 ? null : merged.userId())
        .param("id", id)
        .update();
    Officer after = officers.find(id).orElseThrow();
    Map<String, Object> afterState = auditState(after);
    if (changes.idNumber() != null) {
      afterState.put("idNumber", "changed");
    }
    audit.record(
        "officer.update",
        "officer",
        Long.toString(id),
        after.divisionCode(),
        auditState(before),
        afterState);
    return view(after, false);
  }

  /** What may change: a status and the reason. */
  public enum StatusChange {
    SUSPEND,
    LEAVE,
    REACTIVATE
  }

  /**
   * Suspends an officer or records that they left, ending every current assignment on {@code day}
   * with the reason; or reactivates a suspended officer as a candidate, who becomes active again
   * only with a new assignment (which checks every rule, training included).
   */
  public OfficerView changeStatus(
      long id, StatusChange change, String reason, Integer version, LocalDate day) {
    Actor actor = currentActor.require();
    managed(id);
    if (reason == null || reason.isBlank()) {
      throw OfficerProblem.rejected("reason", "reasonRequired");
    }
    Officer locked = officers.lock(id).orElseThrow();
    if (version != null && locked.version() != version) {
      throw OfficerProblem.conflict(
          "version", "stale", null, locked.name(), version, locked.version());
    }
    OfficerStatus target =
        switch (change) {
          case SUSPEND -> {
            if (!locked.status().mayHoldGrid()) {
              throw OfficerProblem.rejected(
                  "status", "cannotSuspend", locked.name(), locked.status().name());
            }
            yield OfficerStatus.SUSPENDED;
          }
          case LEAVE -> {
            if (locked.status() == OfficerStatus.LEFT) {
              throw OfficerProblem.rejected("status", "alreadyLeft", locked.name());
            }
            yield OfficerStatus.LEFT;
          }
          case REACTIVATE -> {
            if (locked.status() != OfficerStatus.SUSPENDED) {
              throw OfficerProblem.rejected(
                  "status", "notSuspended", locked.name(), locked.status().name());
            }
            yield OfficerStatus.CANDIDATE;
          }
        };
    LocalDate on = day == null ? LocalDate.now() : day;
    List<Long> ended = new ArrayList<>();
    if (target == OfficerStatus.SUSPENDED || target == OfficerStatus.LEFT) {
      for (Assignment a : assignments.current(id)) {
        LocalDate end = on.isBefore(a.startsOn()) ? a.startsOn() : on;
        assignments.end(a.id(), end, reason.strip(), actor.username());
        ended.add(a.id());
      }
    }
    jdbc.sql(
            "UPDATE officer SET status = ?, updated_at = now(), version = version + 1 WHERE id = ?")
        .params(target.name(), id)
        .update();
    audit.record(
        "officer." + change.name().toLowerCase(java.util.Locale.ROOT),
        "officer",
        Long.toString(id),
        locked.divisionCode(),
        Map.of("status", locked.status().name()),
        Map.of("status", target.name(), "reason", reason.strip(), "endedAssignments", ended));
    return view(officers.find(id).orElseThrow(), false);
  }

  // ------------------------------------------------------------------ validation

  /**
   * Everything wrong with an officer's fields for this caller, first problem first; the ID number
   * is checked for format only when sent (required on create), uniqueness separately.
   *
   * @param officerId the officer being changed, or null for a new one
   */
  List<OfficerProblem> problems(Actor actor, OfficerInput in, Long officerId) {
    List<OfficerProblem> problems = new ArrayList<>();
    if (in.name() == null || in.name().isBlank()) {
      problems.add(OfficerProblem.rejected("name", "nameRequired"));
    } else if (in.name().strip().length() > 100) {
      problems.add(OfficerProblem.rejected("name", "nameTooLong"));
    }
    if (in.tier() == null) {
      problems.add(OfficerProblem.rejected("tier", "tierRequired"));
    }
    if (in.employment() == null) {
      problems.add(OfficerProblem.rejected("employment", "employmentRequired"));
    }
    String division = in.divisionCode() == null ? "" : in.divisionCode().strip();
    Optional<Division> found =
        division.isEmpty()
            ? Optional.empty()
            : divisions.find(division).filter(d -> WorkforcePolicy.manages(actor, d.code()));
    if (division.isEmpty()) {
      problems.add(OfficerProblem.rejected("divisionCode", "divisionRequired"));
    } else if (found.isEmpty()) {
      problems.add(OfficerProblem.rejected("divisionCode", "divisionNotFound", division));
    } else if (in.tier() != null) {
      DivisionLevel wanted =
          in.tier() == Tier.STREET ? DivisionLevel.STREET : DivisionLevel.VILLAGE;
      if (found.get().level() != wanted) {
        problems.add(
            OfficerProblem.rejected(
                "divisionCode", "divisionLevel." + in.tier().name(), division, found.get().name()));
      }
    }
    if (in.phone() != null && !in.phone().isBlank() && !PhoneNumbers.isValid(in.phone())) {
      problems.add(OfficerProblem.rejected("phone", "phoneInvalid", in.phone().strip()));
    }
    if (officerId == null && (in.idNumber() == null || in.idNumber().isBlank())) {
      problems.add(OfficerProblem.rejected("idNumber", "idNumberRequired"));
    } else if (in.idNumber() != null) {
      ResidentIdNumber.problem(in.idNumber())
          .ifPresent(
              p -> problems.add(OfficerProblem.rejected("idNumber", "idNumber." + p.name())));
    }
    if (in.userId() != null && in.userId() != 0 && in.tier() != null && found.isPresent()) {
      userProblem(in.userId(), in.tier(), found.get().code(), officerId).ifPresent(problems::add);
    }
    return problems;
  }

  private Optional<OfficerProblem> userProblem(
      long userId, Tier tier, String division, Long officerId) {
    var user =
        jdbc.sql("SELECT username, role, territory_code FROM app_user WHERE id = ?")
            .param(userId)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .optional();
    if (user.isEmpty() || !user.get()[2].startsWith(division)) {
      return Optional.of(OfficerProblem.rejected("userId", "userNotFound", userId));
    }
    Role wanted = tier == Tier.STREET ? Role.STREET_OFFICER : Role.VILLAGE_OFFICER;
    if (!wanted.name().equals(user.get()[1])) {
      return Optional.of(
          OfficerProblem.rejected("userId", "userRole." + tier.name(), user.get()[0]));
    }
    Optional<Long> linked =
        jdbc.sql("SELECT id FROM officer WHERE user_id = ? AND id IS DISTINCT FROM ?")
            .params(userId, officerId)
            .query(Long.class)
            .optional();
    if (linked.isPresent()) {
      return Optional.of(OfficerProblem.rejected("userId", "userLinked", user.get()[0]));
    }
    return Optional.empty();
  }

  /** Answers 409 naming the officer who has this ID number (when the caller may see them). */
  void requireUniqueIdNumber(Actor actor, String idNumber, Long officerId) {
    Optional<Officer> existing =
        byIdNumber(idNumber).filter(o -> !Long.valueOf(o.id()).equals(officerId));
    if (existing.isPresent()) {
      Officer other = existing.get();
      if (WorkforcePolicy.seesOfficer(actor, other)) {
        throw OfficerProblem.conflict(
            "idNumber", "idNumberTaken", other.id(), other.name(), other.id());
      }
      throw OfficerProblem.conflict("idNumber", "idNumberTakenElsewhere", null);
    }
  }

  /** The officer with this ID number, whatever the scope. */
  Optional<Officer> byIdNumber(String idNumber) {
    return jdbc.sql(
            "SELECT " + OfficerRepository.COLUMNS + " FROM officer WHERE id_number_hash = ?")
        .param(pii.idNumberHash(idNumber))
        .query(OfficerRepository.ROW)
        .optional();
  }

  private static Map<String, Object> auditState(Officer o) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("name", o.name());
    state.put("divisionCode", o.divisionCode());
    state.put("tier", o.tier().name());
    state.put("employment", o.employment().name());
    state.put("enforcementPower", o.enforcementPower());
    state.put("status", o.status().name());
    state.put("phone", PhoneNumbers.masked(o.phone()));
    state.put("userId", o.userId());
    state.put("version", o.version());
    return state;
  }

  Actor requireWorkforceReader() {
    Actor actor = currentActor.require();
    if (actor.role() == Role.THIRD_PARTY || actor.role() == Role.ENTERPRISE_USER) {
      throw OfficerProblem.forbidden();
    }
    return actor;
  }

  static boolean isOfficerRole(Actor actor) {
    return actor.role() == Role.STREET_OFFICER || actor.role() == Role.VILLAGE_OFFICER;
  }

  private static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
