package cn.anwang.inspection.checklist;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.inspection.web.InspectionRejected;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import cn.anwang.shared.web.ApiProblems;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Checklists: reading (city-wide ones and the caller's district's), choosing the one that applies
 * to an object, and editing — every edit inserts the next version and makes it current, so an
 * inspection keeps pointing at the version it used. City administrators edit city-wide checklists,
 * district administrators their district's own.
 */
@Service
@Transactional
public class Checklists {

  /** What the editor sends: a new checklist or the next version of one. */
  public record Draft(
      String code,
      String name,
      String districtCode,
      List<String> kinds,
      List<String> industries,
      List<String> hazards,
      Boolean example,
      List<ChecklistItem> items) {}

  static final Set<String> ANSWER_TYPES = Set.of("YES_NO_NA", "NUMBER", "TEXT", "PHOTO");
  static final Set<String> SEVERITIES = Set.of("GENERAL", "MAJOR");
  static final Set<String> CASE_TYPES =
      Set.of("GENERAL_HAZARD", "MAJOR_HAZARD", "ILLEGAL_OPERATION");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{2,64}");
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CurrentActor currentActor;
  private final AuditLog audit;

  Checklists(JdbcClient jdbc, ObjectMapper json, CurrentActor currentActor, AuditLog audit) {
    this.jdbc = jdbc;
    this.json = json;
    this.currentActor = currentActor;
    this.audit = audit;
  }

  // ------------------------------------------------------------------ read

  /** Current versions the caller may read, by code. */
  @Transactional(readOnly = true)
  public List<Checklist> current() {
    Actor actor = currentActor.require();
    return jdbc
        .sql("SELECT * FROM checklist WHERE current ORDER BY code")
        .query(this::map)
        .list()
        .stream()
        .filter(c -> reads(actor, c))
        .toList();
  }

  /** Every current checklist, unscoped (for matching objects to checklists). */
  @Transactional(readOnly = true)
  public List<Checklist> allCurrent() {
    return jdbc.sql("SELECT * FROM checklist WHERE current ORDER BY id").query(this::map).list();
  }

  /** One version; 404 when unknown or another district's. */
  @Transactional(readOnly = true)
  public Checklist get(long id) {
    Actor actor = currentActor.require();
    return find(id)
        .filter(c -> reads(actor, c))
        .orElseThrow(() -> ApiProblems.notFound("Checklist", Long.toString(id)));
  }

  /** One version, unscoped. */
  @Transactional(readOnly = true)
  public Optional<Checklist> find(long id) {
    return jdbc.sql("SELECT * FROM checklist WHERE id = ?").param(id).query(this::map).optional();
  }

  /** Every version of a checklist code, newest first. */
  @Transactional(readOnly = true)
  public List<Checklist> versions(String code) {
    Actor actor = currentActor.require();
    return jdbc
        .sql("SELECT * FROM checklist WHERE code = ? ORDER BY version DESC")
        .param(code)
        .query(this::map)
        .list()
        .stream()
        .filter(c -> reads(actor, c))
        .toList();
  }

  /** The best current checklist for an object's profile, from a list of current checklists. */
  public static Optional<Checklist> choose(
      List<Checklist> current,
      String kind,
      String industryCode,
      List<String> hazards,
      String districtCode) {
    return current.stream()
        .filter(c -> c.fit(kind, industryCode, hazards, districtCode) >= 0)
        .max(
            Comparator.<Checklist>comparingInt(
                    c -> c.fit(kind, industryCode, hazards, districtCode))
                .thenComparing(Checklist::id, Comparator.reverseOrder()));
  }

  static boolean reads(Actor actor, Checklist c) {
    return c.districtCode() == null
        || actor.covers(c.districtCode())
        || actor.scope().territoryCode().startsWith(c.districtCode());
  }

  static boolean edits(Actor actor, String districtCode) {
    if (actor.role() == Role.CITY_ADMIN) {
      return true;
    }
    return actor.role() == Role.DISTRICT_ADMIN
        && districtCode != null
        && actor.covers(districtCode);
  }

  /** Whether the caller may edit checklists at all (for the pages). */
  public boolean mayEdit() {
    Role r = currentActor.require().role();
    return r == Role.CITY_ADMIN || r == Role.DISTRICT_ADMIN;
  }

  // ------------------------------------------------------------------ edit

  /** A new checklist (version 1). */
  public Checklist create(Draft d) {
    Actor actor = currentActor.require();
    String district = districtFor(actor, d.districtCode());
    if (d.code() == null || !CODE.matcher(d.code()).matches()) {
      throw new InspectionRejected("code", "inspection.rule.checklistCode", null);
    }
    // two creators of one new code wait for each other here (as editors do), so the second gets
    // the 422 below instead of the unique key's error
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('checklist:' || ?))")
        .param(d.code())
        .query((rs, n) -> 1)
        .list();
    Integer exists =
        jdbc.sql("SELECT count(*) FROM checklist WHERE code = ?")
            .param(d.code())
            .query(Integer.class)
            .single();
    if (exists > 0) {
      throw new InspectionRejected("code", "inspection.rule.checklistCodeTaken", d.code());
    }
    long id = insert(d.code(), 1, d, district, Boolean.TRUE.equals(d.example()), actor);
    Checklist c = find(id).orElseThrow();
    audit.record("checklist.create", "checklist", d.code(), district, null, summary(c));
    return c;
  }

  /** The next version of the checklist whose version {@code id} is; the old one stays readable. */
  public Checklist update(long id, Draft d) {
    Actor actor = currentActor.require();
    Checklist base = get(id);
    if (!edits(actor, base.districtCode())) {
      throw ApiProblems.forbidden("Only the checklist's city or district administrators edit it");
    }
    // editors of one code wait for each other here; the read after the lock sees the last version
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('checklist:' || ?))")
        .param(base.code())
        .query((rs, n) -> 1)
        .list();
    Checklist latest =
        jdbc.sql("SELECT * FROM checklist WHERE code = ? ORDER BY version DESC LIMIT 1")
            .param(base.code())
            .query(this::map)
            .single();
    jdbc.sql("UPDATE checklist SET current = false WHERE code = ? AND current")
        .param(base.code())
        .update();
    boolean example = d.example() != null ? d.example() : latest.example();
    long newId = insert(base.code(), latest.version() + 1, d, base.districtCode(), example, actor);
    Checklist c = find(newId).orElseThrow();
    audit.record(
        "checklist.update",
        "checklist",
        base.code(),
        base.districtCode(),
        summary(latest),
        summary(c));
    return c;
  }

  private String districtFor(Actor actor, String requested) {
    if (actor.role() == Role.CITY_ADMIN) {
      if (requested != null && !requested.isBlank() && !requested.matches("\\d{6}")) {
        throw new InspectionRejected("districtCode", "inspection.rule.district", requested);
      }
      return requested == null || requested.isBlank() ? null : requested;
    }
    if (actor.role() == Role.DISTRICT_ADMIN) {
      return actor.scope().territoryCode();
    }
    throw ApiProblems.forbidden("Only city and district administrators edit checklists");
  }

  long insert(String code, int version, Draft d, String district, boolean example, Actor actor) {
    validate(d);
    String items = json.writeValueAsString(d.items().stream().map(this::normalise).toList());
    return jdbc.sql(
            """
            INSERT INTO checklist (code, version, name, district_code, kinds, industries, hazards,
                                   example, current, items, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, CAST(? AS jsonb), ?) RETURNING id
            """)
        .params(
            code,
            version,
            d.name().strip(),
            district,
            array(d.kinds()),
            array(d.industries()),
            array(d.hazards()),
            example,
            items,
            actor.username())
        .query(Long.class)
        .single();
  }

  private ChecklistItem normalise(ChecklistItem i) {
    return new ChecklistItem(
        i.key(),
        i.text().strip(),
        i.legalBasis() == null ? "" : i.legalBasis().strip(),
        i.answerType(),
        i.photoRequired() || "PHOTO".equals(i.answerType()),
        i.severity(),
        i.caseType());
  }

  private static String[] array(List<String> values) {
    return values == null
        ? new String[0]
        : values.stream().map(String::strip).toArray(String[]::new);
  }

  static void validate(Draft d) {
    if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 200) {
      throw new InspectionRejected("name", "inspection.rule.required", null);
    }
    if (d.kinds() != null) {
      for (String k : d.kinds()) {
        if (Arrays.stream(ObjectKind.values()).noneMatch(v -> v.name().equals(k))) {
          throw new InspectionRejected("kinds", "inspection.rule.unknownValue", k);
        }
      }
    }
    if (d.hazards() != null) {
      for (String h : d.hazards()) {
        if (Arrays.stream(HazardFeature.values()).noneMatch(v -> v.name().equals(h))) {
          throw new InspectionRejected("hazards", "inspection.rule.unknownValue", h);
        }
      }
    }
    if (d.industries() != null) {
      for (String i : d.industries()) {
        if (i == null || !i.strip().matches("[A-T]\\d{0,4}|\\d{2,4}")) {
          throw new InspectionRejected("industries", "inspection.rule.unknownValue", i);
        }
      }
    }
    if (d.items() == null || d.items().isEmpty()) {
      throw new InspectionRejected("items", "inspection.rule.required", null);
    }
    Set<String> keys = new HashSet<>();
    for (ChecklistItem i : d.items()) {
      if (i.key() == null || !KEY.matcher(i.key()).matches() || !keys.add(i.key())) {
        throw new InspectionRejected("items", "inspection.rule.itemKey", i.key());
      }
      if (i.text() == null || i.text().isBlank() || i.text().length() > 500) {
        throw new InspectionRejected("items", "inspection.rule.itemText", i.key());
      }
      if (!ANSWER_TYPES.contains(i.answerType())) {
        throw new InspectionRejected("items", "inspection.rule.unknownValue", i.answerType());
      }
      if (!SEVERITIES.contains(i.severity())) {
        throw new InspectionRejected("items", "inspection.rule.unknownValue", i.severity());
      }
      if (!CASE_TYPES.contains(i.caseType())) {
        throw new InspectionRejected("items", "inspection.rule.unknownValue", i.caseType());
      }
    }
  }

  private static Map<String, Object> summary(Checklist c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("version", c.version());
    m.put("name", c.name());
    m.put("items", c.items().size());
    return m;
  }

  // ------------------------------------------------------------------ mapping

  Checklist map(ResultSet rs, int n) throws SQLException {
    String district = rs.getString("district_code");
    return new Checklist(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getInt("version"),
        rs.getString("name"),
        district,
        list(rs.getArray("kinds")),
        list(rs.getArray("industries")),
        list(rs.getArray("hazards")),
        rs.getBoolean("example"),
        rs.getBoolean("current"),
        json.readValue(rs.getString("items"), new TypeReference<List<ChecklistItem>>() {}),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  static List<String> list(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
