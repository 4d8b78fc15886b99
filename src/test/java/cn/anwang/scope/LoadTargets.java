package cn.anwang.scope;

import cn.anwang.LoadGauge;
import cn.anwang.scope.ApiOperations.Operation;
import cn.anwang.scope.ScopeResources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GETs with path variables that {@code RepeatedResourceLoadTest} loads, each with a real row of
 * 和平区 from {@link ScopeResources}: the documented API operations and the pages of Spring's handler
 * mapping (which are not documented; a page is resolved through the API resource it shows). What
 * cannot be resolved is kept in {@link #skipped()} with the reason.
 */
final class LoadTargets {

  /** One GET to load: the operation, its path variables and who may read it, best first. */
  record Target(Operation op, Map<String, Object> values, List<String> readers) {}

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  /** Page prefixes whose resource the API calls by another name; otherwise /api/v1 + the page. */
  private static final Map<String, String> PAGE_ALIASES =
      Map.of(
          "/assessment/schemes/", "/api/v1/assessment-schemes/",
          "/assessment/reports/", "/api/v1/assessment-reports/",
          "/assessment/indicators/", "/api/v1/indicators/",
          "/documents/mine/", "/api/v1/my-documents/",
          "/publicity/", "/api/v1/publicity-activities/",
          "/m/inspect/", "/api/v1/objects/",
          "/workforce/training/sessions/", "/api/v1/training/sessions/",
          "/inspection/checklists/", "/api/v1/checklists/");

  private final ScopeResources resources;
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, String> skipped = new TreeMap<>();

  LoadTargets(ScopeResources resources) {
    this.resources = resources;
  }

  List<Target> targets() {
    return targets;
  }

  Map<String, String> skipped() {
    return skipped;
  }

  /** The documented GETs with path variables. */
  void api(List<Operation> operations) {
    for (Operation op : operations) {
      if (op.read() && !op.variables().isEmpty()) {
        add(op, ScopeResources.forPath(op.path(), op.variables()));
      }
    }
  }

  /** The page GETs with path variables (everything outside /api/ in the handler mapping). */
  void pages(List<LoadGauge.Get> gets) {
    for (LoadGauge.Get get : gets) {
      if (!get.hasVariables() || get.pattern().startsWith("/api/")) {
        continue;
      }
      if (get.stream()) {
        skipped.put("GET " + get.pattern(), "stream");
        continue;
      }
      if (get.pattern().contains("*")) {
        skipped.put("GET " + get.pattern(), "wildcard (static resources or a library's)");
        continue;
      }
      List<String> variables = new ArrayList<>();
      Matcher m = VARIABLE.matcher(get.pattern());
      while (m.find()) {
        variables.add(m.group(1));
      }
      String path = m.replaceAll("{$1}");
      Operation page =
          new Operation("GET", path + get.query(), variables, List.of(), List.of(), false);
      Optional<Resource> resource = ScopeResources.forPath(path, variables);
      if (resource.isEmpty()) {
        resource = ScopeResources.forPath(api(path), variables);
      }
      add(page, resource);
    }
  }

  private static String api(String page) {
    return PAGE_ALIASES.entrySet().stream()
        .filter(e -> page.startsWith(e.getKey()))
        .findFirst()
        .map(e -> e.getValue() + page.substring(e.getKey().length()))
        .orElse("/api/v1" + page);
  }

  private void add(Operation op, Optional<Resource> resource) {
    if (resource.isEmpty()) {
      skipped.put(op.key(), "no resource template in ScopeResources (public or the partner's own)");
      return;
    }
    String home =
        switch (resource.get().level()) {
          case STREET -> Callers.HOME_STREET;
          case DISTRICT -> Callers.HOME_DISTRICT;
          case CITY -> "12";
        };
    Optional<Map<String, Object>> row = resources.find(resource.get(), home, null);
    if (row.isEmpty()) {
      skipped.put(op.key(), "no row in " + home + " for " + resource.get().template());
      return;
    }
    Object owner = row.get().get("owner");
    List<String> readers =
        owner != null
            ? List.of(owner.toString())
            : List.of(Callers.HOME_ADMIN.username(), Callers.CITY_ADMIN.username());
    targets.add(new Target(op, row.get(), readers));
  }
}
