package cn.anwang.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The operations of the published OpenAPI document, as the scope matrix walks them. */
record ApiOperations(List<Operation> all) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  /** One documented operation: its method, path template and the names of its path variables. */
  record Operation(
      String method,
      String path,
      List<String> variables,
      List<String> query,
      List<String> requiredQuery,
      boolean hasBody) {

    String key() {
      return method + " " + path;
    }

    boolean read() {
      return method.equals("GET");
    }
  }

  static ApiOperations of(JsonNode document) {
    List<Operation> all = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(path.getKey());
        while (m.find()) {
          variables.add(m.group(1));
        }
        List<String> query = new ArrayList<>();
        List<String> required = new ArrayList<>();
        JsonNode parameters = op.getValue().get("parameters");
        if (parameters != null) {
          for (JsonNode p : parameters) {
            if (p.path("in").asText().equals("query")) {
              query.add(p.get("name").asText());
              if (p.path("required").asBoolean() && p.path("schema").has("type")) {
                required.add(p.get("name").asText());
              }
            }
          }
        }
        all.add(
            new Operation(
                method,
                path.getKey(),
                variables,
                query,
                required,
                op.getValue().has("requestBody")));
      }
    }
    all.sort(
        (a, b) ->
            a.path().equals(b.path())
                ? a.method().compareTo(b.method())
                : a.path().compareTo(b.path()));
    return new ApiOperations(List.copyOf(all));
  }
}
