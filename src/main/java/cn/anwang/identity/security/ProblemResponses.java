package cn.anwang.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers API callers who are not authenticated (401) or not allowed (403) with an RFC 9457 problem
 * instead of a redirect to the log-in page.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    // htmx and script callers handle 401 themselves; a Basic challenge would pop up a dialog
    if (request.getHeader("HX-Request") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Anwang\"");
    }
    String detail = "Authentication is required: use HTTP Basic, a bearer token or log in";
    if (failure instanceof LockedException) {
      detail =
          "The account is locked after repeated failed log-ins; try again later or ask an"
              + " administrator to unlock it";
    } else if (failure instanceof DisabledException) {
      detail = "The account is disabled";
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "Your role or territory does not allow this");
  }

  /** A bearer token that is unknown, expired, revoked, or whose user may not log in. */
  void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Anwang\", error=\"invalid_token\"");
    // one answer for every reason: the caller learns nothing about which tokens or users exist
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        "The token is not valid: it is unknown, expired or revoked, or its account cannot log in");
  }

  /** A READ token used with a method that may change something. */
  void readOnlyToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Anwang\", error=\"insufficient_scope\"");
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "This token is read-only (scope READ): it may only be used with GET, HEAD and OPTIONS;"
            + " create a WRITE token to change data");
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
