package cn.anwang.supplychain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The licence allow-list check over the BOM's components. A component passes when it declares at
 * least one licence, every licence it declares is on the allow list, and at least one of them is of
 * the {@code allowed} tier: licences of the {@code alternative} tier (LGPL, GPL with the classpath
 * exception) are accepted only as a second choice beside a permissive one. A component whose BOM
 * entry is missing or wrong is listed in the overrides file with the licence checked by hand; the
 * override's licences go through the same rule. See docs/supply-chain.md.
 */
final class LicencePolicy {

  static final Path ALLOW_LIST = Path.of("config/licence-allowlist.tsv");
  static final Path OVERRIDES = Path.of("config/licence-overrides.tsv");

  enum Tier {
    ALLOWED,
    ALTERNATIVE
  }

  record Override(String key, String version, List<String> licences, String reason) {}

  /** One line of the licence list: the licences used for the decision and where they came from. */
  record Row(Component component, List<String> licences, String source) {}

  record Result(List<Row> rows, List<String> problems) {}

  private final Map<String, Tier> allowList;
  private final List<Override> overrides;
  private final List<String> fileProblems = new ArrayList<>();

  private LicencePolicy(Map<String, Tier> allowList, List<Override> overrides) {
    this.allowList = allowList;
    this.overrides = overrides;
  }

  static LicencePolicy load(Path allowListFile, Path overridesFile) {
    LicencePolicy policy = new LicencePolicy(new HashMap<>(), new ArrayList<>());
    for (String[] f : Tsv.read(allowListFile)) {
      if (f.length < 3 || f[2].isBlank()) {
        policy.fileProblems.add(
            allowListFile + ": needs id, tier and reason: " + String.join(" ", f));
        continue;
      }
      policy.allowList.put(f[0], Tier.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)));
    }
    for (String[] f : Tsv.read(overridesFile)) {
      if (f.length < 4 || f[3].isBlank()) {
        policy.fileProblems.add(
            overridesFile
                + ": needs group:artifact, version, licences and reason: "
                + String.join(" ", f));
        continue;
      }
      List<String> ids = Arrays.stream(f[2].split(",")).map(String::strip).toList();
      policy.overrides.add(new Override(f[0], f[1], ids, f[3]));
    }
    return policy;
  }

  Result check(List<Component> components) {
    List<String> problems = new ArrayList<>(fileProblems);
    List<Row> rows = new ArrayList<>();
    Set<Override> used = new HashSet<>();
    for (Component c : components) {
      Override o = overrideFor(c);
      Row row;
      if (o != null) {
        used.add(o);
        row = new Row(c, o.licences(), "override");
      } else {
        row = new Row(c, alternatives(c.licences()), "bom");
      }
      rows.add(row);
      String problem = judge(row.licences());
      if (problem != null) {
        problems.add(c + " (" + row.source() + ": " + describe(row.licences()) + "): " + problem);
      }
    }
    for (Override o : overrides) {
      if (!used.contains(o)) {
        problems.add(
            "stale override in "
                + OVERRIDES
                + ": "
                + o.key()
                + ":"
                + o.version()
                + " is not in the BOM (check the new version's licence and update the line)");
      }
    }
    return new Result(rows, problems);
  }

  private Override overrideFor(Component c) {
    return overrides.stream()
        .filter(o -> o.key().equals(c.key()) && o.version().equals(c.version()))
        .findFirst()
        .orElse(null);
  }

  private String judge(List<String> licences) {
    if (licences.isEmpty()) {
      return "declares no licence; check it by hand and add it to " + OVERRIDES + " with a reason";
    }
    List<String> unknown = licences.stream().filter(l -> !allowList.containsKey(l)).toList();
    if (!unknown.isEmpty()) {
      return "licence " + String.join(", ", unknown) + " is not on the allow list " + ALLOW_LIST;
    }
    if (licences.stream().noneMatch(l -> allowList.get(l) == Tier.ALLOWED)) {
      return "only offered under "
          + describe(licences)
          + ", accepted only as an alternative to a permissive licence";
    }
    return null;
  }

  /**
   * A simple SPDX expression "A OR B" is read as the alternatives A and B; anything more complex
   * (AND, WITH, brackets) stays one token that no allow-list entry matches, so it needs an
   * override.
   */
  private static List<String> alternatives(List<String> declared) {
    List<String> out = new ArrayList<>();
    for (String d : declared) {
      if (d.contains(" OR ") && !d.contains(" AND ") && !d.contains("(") && !d.contains(" WITH ")) {
        Arrays.stream(d.split(" OR ")).map(String::strip).forEach(out::add);
      } else {
        out.add(d);
      }
    }
    return out;
  }

  private static String describe(List<String> licences) {
    return licences.isEmpty() ? "none" : String.join(" / ", licences);
  }

  /** Writes group, artifact, version, scope, licences and their source, one component a line. */
  static void writeCsv(List<Row> rows, Path file) {
    StringBuilder csv = new StringBuilder("group,artifact,version,scope,licences,source\n");
    rows.stream()
        .sorted(
            java.util.Comparator.comparing((Row r) -> r.component().group())
                .thenComparing(r -> r.component().artifact()))
        .forEach(
            r ->
                csv.append(
                        List.of(
                                r.component().group(),
                                r.component().artifact(),
                                r.component().version(),
                                r.component().scope(),
                                String.join(" | ", r.licences()),
                                r.source())
                            .stream()
                            .map(LicencePolicy::csvField)
                            .collect(Collectors.joining(",")))
                    .append('\n'));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csvField(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
