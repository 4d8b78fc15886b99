package cn.anwang.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The licence allow-list check of the build: every runtime component of the application's CycloneDX
 * BOM has a licence on config/licence-allowlist.tsv (or a checked override), and the licence list
 * is written to target/licences.csv. The synthetic BOMs show that the check names what it rejects.
 */
class SupplyChainLicenceTest {

  @TempDir Path dir;

  @Test
  void everyRuntimeDependencyHasAnAllowedLicence() {
    requireBom();
    List<Component> components = Bom.read(Bom.APPLICATION);
    LicencePolicy.Result result =
        LicencePolicy.load(LicencePolicy.ALLOW_LIST, LicencePolicy.OVERRIDES).check(components);
    LicencePolicy.writeCsv(result.rows(), Path.of("target/licences.csv"));

    assertThat(components)
        .as("the BOM lists the runtime dependencies")
        .extracting(Component::toString)
        .contains("org.postgresql:postgresql:" + versionOf(components, "org.postgresql:postgresql"))
        .hasSizeGreaterThan(100);
    assertThat(result.problems())
        .as("components with a licence outside the allow list (see docs/supply-chain.md)")
        .isEmpty();
  }

  @Test
  void rejectsGplAndMissingLicencesAndNamesThem() throws IOException {
    Path bom =
        write(
            "bom.json",
            """
            {"bomFormat": "CycloneDX", "components": [
              {"group": "org.example", "name": "fine", "version": "1.0", "scope": "required",
               "licenses": [{"license": {"id": "Apache-2.0"}}]},
              {"group": "org.example", "name": "viral", "version": "2.0", "scope": "required",
               "licenses": [{"license": {"id": "GPL-3.0-only"}}]},
              {"group": "org.example", "name": "silent", "version": "3.0", "scope": "required"},
              {"group": "org.example", "name": "lgpl-alone", "version": "4.0",
               "licenses": [{"license": {"id": "LGPL-2.1-only"}}]},
              {"group": "org.example", "name": "dual", "version": "5.0",
               "licenses": [{"expression": "EPL-2.0 OR LGPL-2.1-only"}]},
              {"group": "org.example", "name": "checked", "version": "6.0"}
            ]}
            """);
    Path overrides =
        write(
            "overrides.tsv",
            "# test\norg.example:checked\t6.0\tMIT\tLICENSE file in the jar read by hand\n");

    LicencePolicy.Result result =
        LicencePolicy.load(LicencePolicy.ALLOW_LIST, overrides).check(Bom.read(bom));

    assertThat(result.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("org.example:viral:2.0").contains("GPL-3.0-only"))
        .anySatisfy(
            p -> assertThat(p).startsWith("org.example:silent:3.0").contains("declares no licence"))
        .anySatisfy(
            p -> assertThat(p).startsWith("org.example:lgpl-alone:4.0").contains("alternative"));
    assertThat(result.rows())
        .filteredOn(r -> r.component().artifact().equals("checked"))
        .singleElement()
        .satisfies(r -> assertThat(r.licences()).containsExactly("MIT"))
        .satisfies(r -> assertThat(r.source()).isEqualTo("override"));

    Path csv = dir.resolve("licences.csv");
    LicencePolicy.writeCsv(result.rows(), csv);
    assertThat(Files.readAllLines(csv))
        .contains(
            "group,artifact,version,scope,licences,source",
            "org.example,viral,2.0,required,GPL-3.0-only,bom",
            "org.example,dual,5.0,required,EPL-2.0 | LGPL-2.1-only,bom");
  }

  @Test
  void anOverrideCannotAllowAForbiddenLicenceAndAStaleOneFails() throws IOException {
    Path bom =
        write(
            "bom.json",
            """
            {"components": [{"group": "org.example", "name": "relabelled", "version": "1.0"}]}
            """);
    Path overrides =
        write(
            "overrides.tsv",
            "org.example:relabelled\t1.0\tAGPL-3.0-only\tread by hand\n"
                + "org.example:gone\t9.9\tMIT\tno longer used\n");

    List<String> problems =
        LicencePolicy.load(LicencePolicy.ALLOW_LIST, overrides).check(Bom.read(bom)).problems();

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("org.example:relabelled:1.0").contains("AGPL"))
        .anySatisfy(p -> assertThat(p).contains("stale override").contains("org.example:gone:9.9"));
  }

  /**
   * cyclonedx-maven-plugin skips the BOM when Maven runs offline (its goals require online mode),
   * as in a developer's `mvn -o`; CI builds online and must have it.
   */
  static void requireBom() {
    if (!Files.isRegularFile(Bom.APPLICATION)
        && System.getenv("ANWANG_BROWSER_TESTS_REQUIRED") == null) {
      Assumptions.abort(
          "no BOM at "
              + Bom.APPLICATION
              + ": Maven ran offline, cyclonedx skipped (run without -o)");
    }
  }

  private static String versionOf(List<Component> components, String key) {
    return components.stream()
        .filter(c -> c.key().equals(key))
        .map(Component::version)
        .findFirst()
        .orElse("missing");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
