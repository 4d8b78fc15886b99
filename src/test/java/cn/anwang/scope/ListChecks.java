package cn.anwang.scope;

import cn.anwang.scope.ApiOperations.Operation;
import cn.anwang.scope.Callers.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Lists (reads without path variables): whatever a caller is given holds only its territory — a
 * division code in a territory field is inside it or one of its ancestors — and a list asked for
 * another district by its territory parameter is refused or filtered.
 */
final class ListChecks {

  /** The fields that place a row in a territory. */
  static final List<String> TERRITORY_FIELDS =
      List.of(
          "districtCode",
          "streetCode",
          "villageCode",
          "divisionCode",
          "territoryCode",
          "gridDivisionCode",
          "unitCode",
          "district",
          "street",
          "division",
          "unit");

  private final ScopeCalls calls;
  private final ObjectMapper json;

  ListChecks(ScopeCalls calls, ObjectMapper json) {
    this.calls = calls;
    this.json = json;
  }

  void check(Operation op, ScopeMatrix.Rule rule) throws Exception {
    if (rule == ScopeMatrix.Rule.CITY) {
      // a city-wide setting (norms, calendar, rules): the same for every reader, not filtered
      for (Caller caller : Callers.LIST_READERS) {
        int status = calls.call(op, Map.of(), Map.of(), caller.username()).getStatus();
        if (status >= 500) {
          ScopeCoverage.failed(op.key() + " as " + caller.username() + ": " + status);
        }
      }
      ScopeCoverage.checked(op.key(), "city-wide list, the same for every reader");
      return;
    }
    int inspected = 0;
    for (Caller caller : Callers.LIST_READERS) {
      inspected += inspect(op, caller, Map.of(), caller.territory()) ? 1 : 0;
    }
    int status = calls.call(op, Map.of(), Map.of(), null).getStatus();
    if (status != 401 && status != 302) {
      ScopeCoverage.failed(op.key() + " anonymous: " + status);
    }
    ScopeCoverage.checked(
        op.key(), "list " + inspected + "/" + Callers.LIST_READERS.size() + " JSON inspected");
    List<String> territorial =
        op.query().stream().filter(ScopeCalls.TERRITORY_PARAMETERS::contains).toList();
    for (String parameter : territorial) {
      String code = parameter.equals("district") ? Callers.HOME_DISTRICT : Callers.HOME_STREET;
      for (Caller stranger : Callers.OTHER_DISTRICT) {
        inspect(op, stranger, Map.of(parameter, code), stranger.territory());
      }
      ScopeCoverage.checked(op.key(), "foreign-parameter " + parameter + "=" + code);
    }
  }

  /** Whether the answer was JSON and so looked into; failures are recorded. */
  private boolean inspect(Operation op, Caller caller, Map<String, String> query, String territory)
      throws Exception {
    MockHttpServletResponse response = calls.call(op, Map.of(), query, caller.username());
    int status = response.getStatus();
    if (status >= 500 || (!query.isEmpty() && status / 100 == 3)) {
      ScopeCoverage.failed(op.key() + " " + query + " as " + caller.username() + ": " + status);
      return false;
    }
    String type = response.getContentType();
    if (status / 100 != 2 || type == null || !type.contains("json")) {
      return false;
    }
    List<String> outside = new ArrayList<>();
    walk(json.readTree(response.getContentAsByteArray()), territory, outside);
    if (!outside.isEmpty()) {
      ScopeCoverage.failed(
          "list "
              + op.key()
              + " "
              + query
              + " as "
              + caller.username()
              + " shows outside "
              + territory
              + ": "
              + outside.subList(0, Math.min(5, outside.size())));
    }
    return true;
  }

  private static void walk(JsonNode node, String territory, List<String> outside) {
    if (node.isArray()) {
      node.forEach(n -> walk(n, territory, outside));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (TERRITORY_FIELDS.contains(field.getKey()) && value.isString()) {
          String code = value.asString();
          if (code.matches("12\\d*")
              && !code.startsWith(territory)
              && !territory.startsWith(code)) {
            outside.add(field.getKey() + "=" + code);
          }
        } else {
          walk(value, territory, outside);
        }
      }
    }
  }
}
