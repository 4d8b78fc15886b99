package cn.anwang.workforce.staffing;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.workforce.officer.Assignments;
import cn.anwang.workforce.officer.Officer;
import cn.anwang.workforce.officer.OfficerRepository;
import cn.anwang.workforce.officer.Qualifications;
import cn.anwang.workforce.officer.WorkforcePolicy;
import cn.anwang.workforce.staffing.LoadModel.OfficerRow;
import cn.anwang.workforce.staffing.LoadModel.Snapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebalancing proposals for one street: computed by {@link Rebalancer} from the street's current
 * loads, stored with a fingerprint of the street's current assignments, reviewed, then applied
 * (ending and starting assignments through {@link Assignments}, so every assignment rule is checked
 * again) or discarded. A proposal whose street's assignments changed since it was computed is
 * refused and marked STALE. Street administrators of the street and district or city administrators
 * above it may propose, apply and discard; whoever sees the street may read.
 */
@Service
public class Rebalancing {

  public static final String SPREAD_METRIC = "MAX_MINUS_MIN";

  public record MoveView(
      String gridCode,
      String gridName,
      long fromOfficerId,
      String fromOfficerName,
      long toOfficerId,
      String toOfficerName,
      double load) {}

  public record OfficerBalance(
      long officerId, String name, String tier, String divisionCode, double before, double after) {}

  /**
   * A proposal. Spreads are max − min load over the street's active officers ({@link
   * #SPREAD_METRIC}); the standard deviations are for information.
   *
   * @param basisCurrent for a PROPOSED one: whether the street's assignments are still those it was
   *     computed from
   */
  public record Proposal(
      long id,
      String streetCode,
      String streetName,
      String districtCode,
      String status,
      String spreadMetric,
      double spreadBefore,
      double spreadAfter,
      Double stddevBefore,
      Double stddevAfter,
      List<MoveView> moves,
      List<OfficerBalance> officers,
      String createdBy,
      Instant createdAt,
      String decidedBy,
      Instant decidedAt,
      int version,
      boolean basisCurrent) {}

  private static final TypeReference<List<MoveView>> MOVES = new TypeReference<>() {};
  private static final TypeReference<List<OfficerBalance>> BALANCES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final CurrentActor actors;
  private final DivisionTree tree;
  private final LoadModel model;
  private final Grids grids;
  private final OfficerRepository officers;
  private final Qualifications qualifications;
  private final Assignments assignments;
  private final AuditLog audit;
  private final JsonMapper json;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;

  Rebalancing(
      JdbcClient jdbc,
      CurrentActor actors,
      DivisionTree tree,
      LoadModel model,
      Grids grids,
      OfficerRepository officers,
      Qualifications qualifications,
      Assignments assignments,
      AuditLog audit,
      JsonMapper json,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.tree = tree;
    this.model = model;
    this.grids = grids;
    this.officers = officers;
    this.qualifications = qualifications;
    this.assignments = assignments;
    this.audit = audit;
    this.json = json;
    this.tx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
  }

  /** Computes and stores a proposal for the street. */
  public Proposal propose(String streetCode) {
    Actor actor = actors.require();
    Division street = street(actor, streetCode);
    requireManages(actor, street.code());
    return tx.execute(
        status -> {
          String basis = basisHash(street.code());
          Snapshot s = model.snapshot(street.code());
          Map<String, GridRef> gridsByCode = new LinkedHashMap<>();
          grids.in(street.code()).forEach(g -> gridsByCode.put(g.code(), g));
          LocalDate today = LocalDate.now();
          Set<Long> qualified = new HashSet<>();
          for (OfficerRow o : s.officers().values()) {
            Officer officer = officers.find(o.id()).orElseThrow();
            if (qualifications.qualified(officer, today)) {
              qualified.add(o.id());
            }
          }
          List<Long> ids = new ArrayList<>(s.officers().keySet());
          List<Rebalancer.Slot> slots =
              s.holdings().stream()
                  // an officer of another street holding one of its grids (after a grid was
                  // moved between streets) is left alone
                  .filter(h -> s.officers().containsKey(h.officerId()))
                  .map(h -> new Rebalancer.Slot(h.gridCode(), h.officerId(), h.share()))
                  .toList();
          Rebalancer.Result result =
              Rebalancer.propose(
                  ids,
                  slots,
                  (officerId, gridCode) ->
                      qualified.contains(officerId)
                          && allowed(s.officers().get(officerId), gridsByCode.get(gridCode)));
          Function<Long, String> name = id -> s.officers().get(id).name();
          List<MoveView> moves =
              result.moves().stream()
                  .map(
                      m ->
                          new MoveView(
                              m.gridCode(),
                              gridsByCode.containsKey(m.gridCode())
                                  ? gridsByCode.get(m.gridCode()).name()
                                  : m.gridCode(),
                              m.fromOfficerId(),
                              name.apply(m.fromOfficerId()),
                              m.toOfficerId(),
                              name.apply(m.toOfficerId()),
                              Workloads.round(m.load())))
                  .toList();
          List<OfficerBalance> balances =
              s.officers().values().stream()
                  .map(
                      o ->
                          new OfficerBalance(
                              o.id(),
                              o.name(),
                              o.tier(),
                              o.divisionCode(),
                              Workloads.round(result.before().get(o.id())),
                              Workloads.round(result.after().get(o.id()))))
                  .toList();
          long id =
              jdbc.sql(
                      """
                      INSERT INTO rebalance_proposal (street_code, district_code, basis_hash, moves,
                          spread_before, spread_after, officer_loads, spread_metric, stddev_before,
                          stddev_after, created_by)
                      VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
                      RETURNING id
                      """)
                  .params(
                      street.code(),
                      street.districtCode(),
                      basis,
                      json.writeValueAsString(moves),
                      Workloads.round(result.spreadBefore()),
                      Workloads.round(result.spreadAfter()),
                      json.writeValueAsString(balances),
                      SPREAD_METRIC,
                      Workloads.round(result.stddevBefore()),
                      Workloads.round(result.stddevAfter()),
                      actor.username())
                  .query(Long.class)
                  .single();
          audit.record(
              "staffing.rebalance.propose",
              "rebalance_proposal",
              Long.toString(id),
              street.code(),
              null,
              Map.of(
                  "street",
                  street.code(),
                  "moves",
                  moves.size(),
                  "spreadBefore",
                  Workloads.round(result.spreadBefore()),
                  "spreadAfter",
                  Workloads.round(result.spreadAfter())));
          return load(id).orElseThrow();
        });
  }

  /** A proposal of a street the caller sees. */
  public Proposal get(long id) {
    Actor actor = actors.require();
    return readTx.execute(status -> visible(actor, id));
  }

  /** The street's proposals, newest first (at most 50). */
  public List<Proposal> history(String streetCode) {
    Actor actor = actors.require();
    Division street = street(actor, streetCode);
    return readTx.execute(
        status ->
            jdbc
                .sql(
                    "SELECT id FROM rebalance_proposal WHERE street_code = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT 50")
                .param(street.code())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> load(id).orElseThrow())
                .toList());
  }

  private enum Outcome {
    APPLIED,
    STALE
  }

  /**
   * Applies a proposal: ends each moved assignment and starts the new one today (reason and
   * rebalance_id recorded), all in one transaction. 409 when the version is stale, the proposal is
   * no longer PROPOSED, or the street's assignments changed since (then it is marked STALE).
   */
  public Proposal apply(long id, Integer version) {
    Actor actor = actors.require();
    Outcome outcome =
        tx.execute(
            status -> {
              Proposal p = lockForDecision(actor, id, version);
              jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                  .param("rebalance:" + p.streetCode())
                  .query()
                  .singleRow();
              if (!basisHash(p.streetCode()).equals(basisOf(id))) {
                jdbc.sql(
                        "UPDATE rebalance_proposal SET status = 'STALE', decided_by = ?,"
                            + " decided_at = now(), version = version + 1 WHERE id = ?")
                    .params(actor.username(), id)
                    .update();
                audit.record(
                    "staffing.rebalance.stale",
                    "rebalance_proposal",
                    Long.toString(id),
                    p.streetCode(),
                    Map.of("status", p.status()),
                    Map.of("status", "STALE"));
                return Outcome.STALE;
              }
              LocalDate today = LocalDate.now();
              String reason = "rebalance #" + id;
              for (MoveView m : p.moves()) {
                long current =
                    jdbc.sql(
                            "SELECT id FROM officer_assignment WHERE officer_id = ?"
                                + " AND grid_code = ? AND ends_on IS NULL")
                        .params(m.fromOfficerId(), m.gridCode())
                        .query(Long.class)
                        .single();
                assignments.end(current, today, reason, actor.username());
                assignments.assign(
                    m.toOfficerId(), m.gridCode(), today, reason, id, actor.username());
              }
              jdbc.sql(
                      "UPDATE rebalance_proposal SET status = 'APPLIED', decided_by = ?,"
                          + " decided_at = now(), version = version + 1 WHERE id = ?")
                  .params(actor.username(), id)
                  .update();
              audit.record(
                  "staffing.rebalance.apply",
                  "rebalance_proposal",
                  Long.toString(id),
                  p.streetCode(),
                  Map.of("status", p.status()),
                  Map.of("status", "APPLIED", "moves", p.moves().size()));
              return Outcome.APPLIED;
            });
    if (outcome == Outcome.STALE) {
      throw StaffingProblem.conflict("workforce.staffing.rebalance.basisChanged", id);
    }
    return get(id);
  }

  /** Discards a PROPOSED proposal (kept in the history). */
  public Proposal discard(long id, Integer version) {
    Actor actor = actors.require();
    tx.executeWithoutResult(
        status -> {
          Proposal p = lockForDecision(actor, id, version);
          jdbc.sql(
                  "UPDATE rebalance_proposal SET status = 'DISCARDED', decided_by = ?,"
                      + " decided_at = now(), version = version + 1 WHERE id = ?")
              .params(actor.username(), id)
              .update();
          audit.record(
              "staffing.rebalance.discard",
              "rebalance_proposal",
              Long.toString(id),
              p.streetCode(),
              Map.of("status", p.status()),
              Map.of("status", "DISCARDED"));
        });
    return get(id);
  }

  private Proposal lockForDecision(Actor actor, long id, Integer version) {
    jdbc.sql("SELECT id FROM rebalance_proposal WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Long.class)
        .optional();
    Proposal p = visible(actor, id);
    requireManages(actor, p.streetCode());
    if (version != null && version != p.version()) {
      throw StaffingProblem.conflict("workforce.staffing.stale", "#" + id, version, p.version());
    }
    if (!"PROPOSED".equals(p.status())) {
      throw StaffingProblem.conflict("workforce.staffing.rebalance.alreadyDecided", id, p.status());
    }
    return p;
  }

  private Proposal visible(Actor actor, long id) {
    return load(id)
        .filter(p -> WorkforcePolicy.sees(actor, p.streetCode()))
        .orElseThrow(() -> StaffingProblem.notFound("rebalance proposal", id));
  }

  private String basisOf(long id) {
    return jdbc.sql("SELECT basis_hash FROM rebalance_proposal WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private java.util.Optional<Proposal> load(long id) {
    return jdbc.sql(
            """
            SELECT id, street_code, district_code, status, spread_metric, spread_before,
                   spread_after, stddev_before, stddev_after, moves::text AS moves,
                   officer_loads::text AS loads, created_by, created_at, decided_by, decided_at,
                   version, basis_hash
              FROM rebalance_proposal WHERE id = ?
            """)
        .param(id)
        .query(
            (rs, n) -> {
              String street = rs.getString("street_code");
              boolean current =
                  "PROPOSED".equals(rs.getString("status"))
                      && basisHash(street).equals(rs.getString("basis_hash"));
              OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
              return new Proposal(
                  rs.getLong("id"),
                  street,
                  tree.find(street).map(Division::name).orElse(street),
                  rs.getString("district_code"),
                  rs.getString("status"),
                  rs.getString("spread_metric"),
                  rs.getDouble("spread_before"),
                  rs.getDouble("spread_after"),
                  (Double) nullable(rs.getObject("stddev_before")),
                  (Double) nullable(rs.getObject("stddev_after")),
                  json.readValue(rs.getString("moves"), MOVES),
                  json.readValue(rs.getString("loads"), BALANCES),
                  rs.getString("created_by"),
                  rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                  rs.getString("decided_by"),
                  decided == null ? null : decided.toInstant(),
                  rs.getInt("version"),
                  current);
            })
        .optional();
  }

  private static Object nullable(Object numeric) {
    return numeric == null ? null : ((Number) numeric).doubleValue();
  }

  /** SHA-256 of the street's current assignments (id, officer, grid), in id order. */
  String basisHash(String streetCode) {
    String lines =
        jdbc
            .sql(
                "SELECT id || ':' || officer_id || ':' || grid_code FROM officer_assignment"
                    + " WHERE grid_division_code LIKE ? AND ends_on IS NULL ORDER BY id")
            .param(streetCode + "%")
            .query(String.class)
            .list()
            .stream()
            .collect(Collectors.joining("\n"));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(lines.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The assignment rules {@link Assignments#check} applies, for the search (in memory). */
  static boolean allowed(OfficerRow officer, GridRef grid) {
    if (grid == null || !grid.divisionCode().startsWith(officer.streetCode())) {
      return false;
    }
    return !"VILLAGE".equals(officer.tier()) || grid.divisionCode().equals(officer.divisionCode());
  }

  private Division street(Actor actor, String streetCode) {
    if (streetCode == null || streetCode.length() != 9) {
      throw StaffingProblem.badRequest("workforce.staffing.streetRequired");
    }
    Division street = tree.resolve(actor, streetCode, true);
    if (street.level() != DivisionLevel.STREET) {
      throw StaffingProblem.badRequest("workforce.staffing.streetRequired");
    }
    return street;
  }

  private static void requireManages(Actor actor, String streetCode) {
    if (!WorkforcePolicy.manages(actor, streetCode)) {
      throw StaffingProblem.forbidden();
    }
  }
}
