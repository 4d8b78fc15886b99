package cn.anwang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the server that answered, in {@code X-Anwang-Node}, when {@code anwang.node-name} is set:
 * behind a load balancer an operator (or a test) can tell which instance served a request. Off by
 * default, so a single server does not tell the public its host name. First in the chain, so that
 * redirects and refusals by Spring Security carry it too.
 */
@Component
@ConditionalOnProperty("anwang.node-name")
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeNameHeader extends OncePerRequestFilter {

  static final String HEADER = "X-Anwang-Node";

  private final String name;

  NodeNameHeader(@Value("${anwang.node-name}") String name) {
    // a header value: nothing that could end the header or start another one
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalStateException(
          "anwang.node-name must be 1–64 letters, digits, '.', '_' or '-': " + name);
    }
    this.name = name;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HEADER, name);
    chain.doFilter(request, response);
  }
}
