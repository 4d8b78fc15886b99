package cn.anwang.identity.audit;

import cn.anwang.identity.Scope;
import cn.anwang.identity.token.TokenAuthenticationFailed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes log-ins, failed log-ins, refused bearer tokens and log-outs to the audit log. Successful
 * HTTP Basic calls are not recorded one by one (every API request authenticates); their failures
 * are.
 */
@Component
class AuthenticationAudit {

  private final JdbcAuditLog audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  AuthenticationAudit(JdbcAuditLog audit, JdbcClient jdbc, TransactionTemplate transactions) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @EventListener
  void onLogin(InteractiveAuthenticationSuccessEvent event) {
    write("auth.login", event.getAuthentication(), Map.of("result", "success"));
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    write(
        "auth.login-failed",
        event.getAuthentication(),
        Map.of("reason", event.getException().getClass().getSimpleName()));
  }

  /** A refused bearer token, recorded like a failed log-in (under the owner when known). */
  @EventListener
  void onTokenFailure(TokenAuthenticationFailed event) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("reason", event.reason());
    after.put("prefix", event.prefix());
    after.put("method", event.method());
    after.put("path", event.path());
    transactions.executeWithoutResult(
        tx ->
            audit.recordAs(
                event.username() == null ? "(token)" : event.username(),
                event.remoteAddr(),
                "auth.token-failed",
                "api-token",
                event.prefix(),
                event.territoryCode(),
                null,
                after));
  }

  @EventListener
  void onLogout(LogoutSuccessEvent event) {
    write("auth.logout", event.getAuthentication(), null);
  }

  private void write(String action, Authentication authentication, Object after) {
    String username = authentication.getName() == null ? "" : authentication.getName().trim();
    String remoteAddr =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    // A failed log-in has no transaction around it; the entry still has to be written.
    transactions.executeWithoutResult(
        tx -> {
          String territory =
              jdbc.sql("SELECT territory_code FROM app_user WHERE username = lower(:username)")
                  .param("username", username)
                  .query(String.class)
                  .optional()
                  .orElse(Scope.CITY);
          audit.recordAs(
              username.isEmpty() ? "(blank)" : username,
              remoteAddr,
              action,
              "user",
              username,
              territory,
              null,
              after);
        });
  }
}
