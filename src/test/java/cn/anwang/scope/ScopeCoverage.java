package cn.anwang.scope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the matrix checked for each operation, written to {@code target/scope-matrix.txt}. */
final class ScopeCoverage {

  private static final Map<String, List<String>> CHECKS = new TreeMap<>();
  private static final List<String> FAILURES = new ArrayList<>();

  private ScopeCoverage() {}

  static synchronized void checked(String op, String what) {
    CHECKS.computeIfAbsent(op, k -> new ArrayList<>()).add(what);
  }

  static synchronized void failed(String message) {
    FAILURES.add(message);
  }

  static synchronized List<String> failures() {
    return List.copyOf(FAILURES);
  }

  static synchronized String report(List<ApiOperations.Operation> all) {
    long covered = all.stream().filter(o -> CHECKS.containsKey(o.key())).count();
    Map<String, Long> byCheck =
        CHECKS.values().stream()
            .flatMap(List::stream)
            .map(s -> s.replaceAll(" .*", ""))
            .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    StringBuilder out = new StringBuilder();
    out.append("Scope matrix: ")
        .append(all.size())
        .append(" documented operations, ")
        .append(covered)
        .append(" checked; checks by kind ")
        .append(byCheck)
        .append('\n');
    for (ApiOperations.Operation op : all) {
      out.append(op.key())
          .append('\t')
          .append(String.join("; ", CHECKS.getOrDefault(op.key(), List.of("NOT CHECKED"))))
          .append('\n');
    }
    return out.toString();
  }

  static synchronized void write(List<ApiOperations.Operation> all) throws IOException {
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("scope-matrix.txt"), report(all));
    Files.writeString(target.resolve("scope-matrix-failures.txt"), String.join("\n", FAILURES));
  }
}
