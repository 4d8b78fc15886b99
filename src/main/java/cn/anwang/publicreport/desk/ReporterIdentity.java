package cn.anwang.publicreport.desk;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.pii.PiiProtector;
import java.util.Base64;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporter's identity, shown only on an explicit request by the desk's roles (street, district
 * and city administrators; officers, departments and auditors never see it), and every such view
 * recorded in the audit log before the answer leaves.
 */
@Component
class ReporterIdentity {

  record Reporter(boolean anonymous, String name, String phone) {}

  private final DeskAccess access;
  private final DeskQueries queries;
  private final JdbcClient jdbc;
  private final PiiProtector pii;
  private final AuditLog audit;

  ReporterIdentity(
      DeskAccess access, DeskQueries queries, JdbcClient jdbc, PiiProtector pii, AuditLog audit) {
    this.access = access;
    this.queries = queries;
    this.jdbc = jdbc;
    this.pii = pii;
    this.audit = audit;
  }

  @Transactional
  Reporter reveal(long id) {
    Actor actor = access.require();
    DeskQueries.Locked r = queries.lock(id, actor);
    Reporter reporter =
        jdbc.sql(
                "SELECT anonymous, reporter_name_enc, reporter_phone_enc FROM public_report"
                    + " WHERE id = ?")
            .param(id)
            .query(
                (rs, n) ->
                    new Reporter(rs.getBoolean(1), open(rs.getString(2)), open(rs.getString(3))))
            .single();
    audit.record(
        "public-report.reporter.view",
        "public_report",
        Long.toString(id),
        r.divisionCode(),
        null,
        Map.of("anonymous", reporter.anonymous()));
    return reporter;
  }

  private String open(String stored) {
    return stored == null ? null : pii.decrypt(Base64.getDecoder().decode(stored));
  }
}
