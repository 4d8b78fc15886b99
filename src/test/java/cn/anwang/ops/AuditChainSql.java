package cn.anwang.ops;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs {@code scripts/sql/audit-chain.sql} over JDBC and reads its one-row answer. */
record AuditChainSql(long checked, Long brokenId, String problem, long headSeq, long unsealed) {

  static AuditChainSql run(Connection connection) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      boolean isResult = statement.execute(OpsScripts.auditChainSql());
      AuditChainSql answer = null;
      while (isResult || statement.getUpdateCount() != -1) {
        if (isResult) {
          try (ResultSet rows = statement.getResultSet()) {
            if (rows.next() && rows.getMetaData().getColumnCount() == 7) {
              answer =
                  new AuditChainSql(
                      rows.getLong("checked"),
                      (Long) rows.getObject("broken_id", Long.class),
                      rows.getString("problem"),
                      rows.getLong("head_seq"),
                      rows.getLong("unsealed"));
            }
          }
        }
        isResult = statement.getMoreResults();
      }
      if (answer == null) {
        throw new IllegalStateException("audit-chain.sql answered nothing");
      }
      return answer;
    }
  }
}
