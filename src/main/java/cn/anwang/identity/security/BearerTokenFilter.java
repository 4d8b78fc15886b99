package cn.anwang.identity.security;

import cn.anwang.identity.token.BearerTokens;
import cn.anwang.identity.token.BearerTokens.Accepted;
import cn.anwang.identity.token.BearerTokens.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on {@code /api/v1/**} as the token's user,
 * with that user's role and scope, for this request only (nothing is stored in a session). A
 * refused token answers 401 with the same detail whatever the reason; a READ token may only use
 * GET, HEAD and OPTIONS (403 otherwise, before anything runs). Only the API chain has this filter:
 * pages never accept a token.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "bearer ";

  private final BearerTokens tokens;
  private final ProblemResponses problems;

  BearerTokenFilter(BearerTokens tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || !path(request).startsWith("/api/v1/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented =
        request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
    String method = request.getMethod();
    String path = path(request);
    Verdict verdict = tokens.authenticate(presented, method, path, request.getRemoteAddr());
    if (!(verdict instanceof Accepted token)) {
      SecurityContextHolder.clearContext();
      problems.invalidToken(request, response);
      return;
    }
    AccountPrincipal principal =
        new AccountPrincipal(token.actor(), null, true, null, token.accountVersion(), 0);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities()));
    SecurityContextHolder.setContext(context);
    request.setAttribute(BearerTokens.REQUEST_ATTRIBUTE, token);
    if (!token.scope().allows(method)) {
      tokens.recordRefusedWrite(token, method, path);
      problems.readOnlyToken(request, response);
      return;
    }
    tokens.recordUse(token, method, path);
    chain.doFilter(request, response);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
