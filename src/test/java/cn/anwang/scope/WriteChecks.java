package cn.anwang.scope;

import cn.anwang.scope.ApiOperations.Operation;
import cn.anwang.scope.Callers.Caller;
import cn.anwang.scope.ScopeMatrix.Rule;
import cn.anwang.scope.ScopeResources.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * Writes on 和平区's resources by the read-only auditor and by 西青区's people: each is refused (4xx,
 * never 2xx, 3xx or 5xx); that nothing changed is checked around all of them by the test.
 */
final class WriteChecks {

  private final ScopeCalls calls;
  private final ScopeResources resources;

  WriteChecks(ScopeCalls calls, ScopeResources resources) {
    this.calls = calls;
    this.resources = resources;
  }

  void check(Operation op, Rule rule) throws Exception {
    Map<String, Object> values = Map.of();
    if (!op.variables().isEmpty()) {
      Resource resource = ScopeResources.forPath(op.path(), op.variables()).orElseThrow();
      String home =
          switch (resource.level()) {
            case STREET -> Callers.HOME_STREET;
            case DISTRICT -> Callers.HOME_DISTRICT;
            case CITY -> "12";
          };
      Optional<Map<String, Object>> row = resources.find(resource, home, null);
      if (row.isEmpty()) {
        ScopeCoverage.checked(op.key(), "no-data write (no row in " + home + ")");
        return;
      }
      values = row.get();
    } else if (rule == Rule.SELF) {
      ScopeCoverage.checked(op.key(), "self-write (the caller's own; not refused)");
      return;
    }
    int refused = 0;
    for (Caller caller : Callers.WRITES_REFUSED) {
      // without a resource, only the auditor's write is certainly refused: 西青区's people may
      // create things in their own district (with an empty body they are refused anyway)
      // a city-wide thing has no district: some are the district administrators' too (Open311
      // keys), so there only the auditor is certainly refused
      if ((op.variables().isEmpty() || rule == Rule.CITY) && caller != Callers.AUDITOR) {
        continue;
      }
      int status = calls.call(op, values, Map.of(), caller.username()).getStatus();
      if (status / 100 != 4) {
        ScopeCoverage.failed(op.key() + " " + values + " as " + caller.username() + ": " + status);
      }
      refused++;
    }
    ScopeCoverage.checked(op.key(), "write " + refused + " refused");
  }
}
