package cn.anwang.identity.audit;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.audit.AuditQueries.AuditFilter;
import cn.anwang.identity.audit.AuditQueries.AuditPage;
import cn.anwang.identity.audit.AuditQueries.ChainVerification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for auditors and administrators, within their territory, and verifies the
 * hash chain.
 */
@Service
@Transactional(readOnly = true)
class AuditTrail {

  /** Dates in filters are days in China. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final int VERIFY_BATCH = 5_000;

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditSealer sealer;

  AuditTrail(JdbcClient jdbc, CurrentActor currentActor, AuditSealer sealer) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.sealer = sealer;
  }

  AuditPage search(AuditFilter filter, int page, int size) {
    Actor reader = requireReader();
    int safeSize = Math.min(Math.max(size, 1), 200);
    int safePage = Math.max(page, 0);
    List<String> conditions = new ArrayList<>(List.of("territory_code LIKE :territory"));
    Map<String, Object> params = new HashMap<>();
    params.put("territory", reader.scope().likePattern());
    if (filter.actor() != null && !filter.actor().isBlank()) {
      conditions.add("actor_username = :actor");
      params.put("actor", filter.actor().trim().toLowerCase(Locale.ROOT));
    }
    if (filter.action() != null && !filter.action().isBlank()) {
      conditions.add("(action = :action OR action LIKE :actionFamily)");
      params.put("action", filter.action().trim());
      params.put("actionFamily", filter.action().trim() + ".%");
    }
    if (filter.fromDate() != null) {
      conditions.add("occurred_at >= :from");
      params.put("from", filter.fromDate().atStartOfDay(ZONE).toOffsetDateTime());
    }
    if (filter.toDate() != null) {
      conditions.add("occurred_at < :to");
      params.put("to", filter.toDate().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
    }
    String where = " WHERE " + String.join(" AND ", conditions);
    long total =
        jdbc.sql("SELECT count(*) FROM audit_event" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<AuditEntry> entries =
        jdbc.sql(
                """
                SELECT id, occurred_at, actor_username, action, target_type, target_id,
                       territory_code, before::text AS before, after::text AS after, remote_addr
                  FROM audit_event"""
                    + where
                    + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", safeSize)
            .param("offset", safePage * safeSize)
            .query(AuditTrail::entry)
            .list();
    return new AuditPage(entries, total, safePage, safeSize);
  }

  /**
   * Seals the committed entries not yet in the chain, then re-computes every entry's hash from its
   * fields and its predecessor's hash, in chain order and in batches, and reports the first entry
   * that does not check out. The chain is global, so this covers all territories; only the id of a
   * broken entry is revealed.
   */
  ChainVerification verify() {
    requireReader();
    sealer.sealPending(true);
    String expectedPrev = ChainedFields.GENESIS;
    long lastSeq = 0;
    long checked = 0;
    while (true) {
      List<Stored> batch =
          jdbc.sql(
                  """
                  SELECT id, seq, prev_hash, hash, occurred_at, actor_username, action, target_type,
                         target_id, territory_code, before::text AS before, after::text AS after,
                         remote_addr
                    FROM audit_event WHERE seq > :last ORDER BY seq LIMIT :batch
                  """)
              .param("last", lastSeq)
              .param("batch", VERIFY_BATCH)
              .query(AuditTrail::stored)
              .list();
      if (batch.isEmpty()) {
        return new ChainVerification(true, checked, null, null);
      }
      for (Stored row : batch) {
        checked++;
        if (!row.fields().prevHash().equals(expectedPrev)) {
          return new ChainVerification(false, checked, row.fields().id(), "link");
        }
        if (!row.fields().hash().equals(row.hash())) {
          return new ChainVerification(false, checked, row.fields().id(), "content");
        }
        expectedPrev = row.hash();
        lastSeq = row.seq();
      }
    }
  }

  private Actor requireReader() {
    Actor reader = currentActor.require();
    if (!reader.role().mayReadAudit()) {
      throw new AccessDeniedException("Only auditors and city or district administrators");
    }
    return reader;
  }

  private record Stored(long seq, ChainedFields fields, String hash) {}

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    return new Stored(
        rs.getLong("seq"), ChainedFields.read(rs, rs.getString("prev_hash")), rs.getString("hash"));
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor_username"),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("territory_code"),
        rs.getString("before"),
        rs.getString("after"),
        rs.getString("remote_addr"));
  }
}
