package cn.anwang.identity.security;

import cn.anwang.identity.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts consecutive failed log-ins per account and locks the account for a while once they reach
 * the limit. Spring Security publishes the events for form and HTTP Basic log-ins alike, so
 * guessing a password over the API is throttled just as on the log-in page.
 */
@Component
class LoginAttempts {

  private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final LoginProtectionProperties properties;

  LoginAttempts(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      AuditLog audit,
      LoginProtectionProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.properties = properties;
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    String username = AccountDetailsService.normalise(event.getAuthentication().getName());
    Instant until = Instant.now().plus(properties.lockDuration()).truncatedTo(ChronoUnit.MICROS);
    transactions.executeWithoutResult(
        tx ->
            // The counter restarts at zero when the lock is set, so after the lock expires the
            // user again has the full number of attempts.
            jdbc.sql(
                    """
                    UPDATE app_user
                       SET failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0
                                                  ELSE failed_attempts + 1 END,
                           locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until
                                               ELSE locked_until END
                     WHERE username = :username
                    RETURNING id, territory_code, failed_attempts = 0 AND locked_until = :until
                    """)
                .param("max", properties.maxFailedAttempts())
                .param("until", java.sql.Timestamp.from(until))
                .param("username", username)
                .query(
                    (rs, n) -> {
                      if (rs.getBoolean(3)) {
                        log.warn(
                            "Account '{}' locked until {} after {} failed log-ins",
                            username,
                            until,
                            properties.maxFailedAttempts());
                        audit.record(
                            "user.lock",
                            "user",
                            String.valueOf(rs.getLong(1)),
                            rs.getString(2),
                            null,
                            Map.of("username", username, "lockedUntil", until.toString()));
                      }
                      return null;
                    })
                .list());
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    // Written only when there is something to reset: HTTP Basic authenticates every API call, and
    // the account was read for it a moment ago.
    if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal account
        && !account.hasFailuresToReset()) {
      return;
    }
    jdbc.sql(
            """
            UPDATE app_user SET failed_attempts = 0, locked_until = NULL
             WHERE username = :username AND (failed_attempts <> 0 OR locked_until IS NOT NULL)
            """)
        .param("username", AccountDetailsService.normalise(event.getAuthentication().getName()))
        .update();
  }
}
