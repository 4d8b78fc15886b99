package cn.anwang.scope;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.anwang.scope.ApiOperations.Operation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Calls one operation as one user, its path variables and query parameters filled in. */
final class ScopeCalls {

  /** Query parameters that place a request in a territory: set to the resource's division. */
  static final List<String> TERRITORY_PARAMETERS =
      List.of("division", "district", "street", "unit", "scope");

  private final MockMvc mvc;
  private final UserDetailsService users;
  private final Map<String, UserDetails> loaded = new HashMap<>();

  ScopeCalls(MockMvc mvc, UserDetailsService users) {
    this.mvc = mvc;
    this.users = users;
  }

  /**
   * @param values path variables and query parameters by name (from the resource's row)
   * @param query query parameters to send besides those the operation requires
   * @param username null for an anonymous call
   */
  MockHttpServletResponse call(
      Operation op, Map<String, Object> values, Map<String, String> query, String username)
      throws Exception {
    String path = op.path().replace("{format}", "json");
    for (String variable : op.variables()) {
      Object value = values.get(variable);
      if (value != null) {
        path = path.replace("{" + variable + "}", value.toString());
      }
    }
    if (path.contains("{")) {
      throw new IllegalStateException(op.key() + ": no value for a path variable in " + path);
    }
    MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(op.method()), path);
    Map<String, String> params = new LinkedHashMap<>(query);
    for (String name : op.requiredQuery()) {
      Object value = values.get(name);
      params.putIfAbsent(name, value == null ? defaultValue(name) : value.toString());
    }
    params.forEach(builder::param);
    if (!op.read()) {
      builder.with(csrf());
      if (op.hasBody()) {
        builder.contentType(MediaType.APPLICATION_JSON).content("{}");
      }
    }
    if (username != null) {
      builder.with(user(loaded.computeIfAbsent(username, users::loadUserByUsername)));
    }
    return mvc.perform(builder).andReturn().getResponse();
  }

  private static String defaultValue(String name) {
    return switch (name) {
      case "kind" -> "ENTERPRISE";
      case "from" -> java.time.LocalDate.now().toString();
      case "n" -> "5";
      case "q" -> "街";
      default -> "1";
    };
  }
}
