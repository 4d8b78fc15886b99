package cn.anwang.identity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit entries into the hash chain. Writers insert entries unsealed and take no
 * lock, so changes in different places never wait for each other's commit; this sealer, one at a
 * time across all servers (a transaction-scoped advisory lock), reads the committed unsealed
 * entries in id order and gives each the next chain position, the previous entry's hash and its
 * own. An entry is sealed within about a second of its commit, and verification seals whatever is
 * pending before it checks.
 */
@Component
class AuditSealer {

  private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

  // Arbitrary but fixed: the key of the advisory lock that lets one sealer work ("anwang").
  private static final long CHAIN_LOCK = 0x616e77616e67L;
  private static final int BATCH = 2_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate tx;

  AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Scheduled(
      initialDelayString = "${anwang.audit.seal-every:500ms}",
      fixedDelayString = "${anwang.audit.seal-every:500ms}")
  void sealInBackground() {
    try {
      sealPending(false);
    } catch (RuntimeException e) {
      log.warn("Sealing the audit chain failed; the next run tries again", e);
    }
  }

  /**
   * Seals every committed unsealed entry.
   *
   * @param wait whether to wait for another sealer (on any server) to finish, rather than leave the
   *     work to it
   * @return entries sealed
   */
  long sealPending(boolean wait) {
    long sealed = 0;
    while (true) {
      Integer n = tx.execute(status -> sealBatch(wait));
      if (n == null || n < 0) {
        return sealed;
      }
      sealed += n;
      if (n < BATCH) {
        return sealed;
      }
    }
  }

  /** One batch in one transaction; -1 when another sealer holds the lock and we do not wait. */
  private int sealBatch(boolean wait) {
    if (wait) {
      jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().listOfRows();
    } else if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
        .param("key", CHAIN_LOCK)
        .query(Boolean.class)
        .single()) {
      return -1;
    }
    List<ChainedFields> pending =
        jdbc.sql(
                """
                SELECT id, occurred_at, actor_username, action, target_type, target_id,
                       territory_code, before::text AS before, after::text AS after, remote_addr
                  FROM audit_event WHERE hash IS NULL ORDER BY id LIMIT :batch
                """)
            .param("batch", BATCH)
            .query(AuditSealer::unsealed)
            .list();
    if (pending.isEmpty()) {
      return 0;
    }
    var head =
        jdbc.sql(
                """
                SELECT seq, hash FROM audit_event
                 WHERE seq = (SELECT max(seq) FROM audit_event)
                """)
            .query((rs, n) -> new Object[] {rs.getLong("seq"), rs.getString("hash")})
            .optional();
    long seq = head.map(h -> (Long) h[0]).orElse(0L);
    String prev = head.map(h -> (String) h[1]).orElse(ChainedFields.GENESIS);
    List<Object[]> links = new ArrayList<>(pending.size());
    for (ChainedFields entry : pending) {
      ChainedFields linked = entry.withPrevHash(prev);
      String hash = linked.hash();
      links.add(new Object[] {++seq, prev, hash, entry.id()});
      prev = hash;
    }
    batch.batchUpdate(
        "UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL",
        links);
    return pending.size();
  }

  private static ChainedFields unsealed(ResultSet rs, int row) throws SQLException {
    return ChainedFields.read(rs, null);
  }
}
