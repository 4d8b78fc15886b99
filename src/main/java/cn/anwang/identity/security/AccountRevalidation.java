package cn.anwang.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a log-in session as soon as an administrator disables the account or changes it (role,
 * territory, password): the session's principal remembers the row version it was loaded with. One
 * primary-key lookup per request works across several servers, unlike an in-memory session
 * registry.
 */
final class AccountRevalidation extends OncePerRequestFilter {

  private final JdbcClient jdbc;

  AccountRevalidation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof AccountPrincipal principal
        && !stillValid(principal)) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }

  private boolean stillValid(AccountPrincipal principal) {
    return jdbc.sql("SELECT enabled AND version = :version FROM app_user WHERE id = :id")
        .param("version", principal.version())
        .param("id", principal.actor().userId())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }
}
