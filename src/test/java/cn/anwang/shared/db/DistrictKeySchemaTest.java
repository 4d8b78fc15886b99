package cn.anwang.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Province scale in the schema (docs/scale.md): the big tables listed there keep district_code in
 * every primary and unique key and in every foreign key between them, over the schema Flyway built.
 */
@IntegrationTest
class DistrictKeySchemaTest {

  private static final Path DOC = Path.of("docs", "scale.md");

  private static Set<String> keyed;
  private static Set<String> reference;
  private static Set<String> other;

  @Autowired DataSource dataSource;

  @BeforeAll
  static void readTheDoc() throws Exception {
    keyed = DistrictKeyRules.tables(DOC, "district-keyed");
    reference = DistrictKeyRules.tables(DOC, "reference");
    other = DistrictKeyRules.tables(DOC, "not-yet-keyed");
  }

  @Test
  void theDocListsTheBigTablesOfTheIssue() {
    assertThat(keyed)
        .contains("supervised_object", "inspection", "safety_case", "case_event", "audit_event")
        .hasSizeGreaterThanOrEqualTo(15);
    assertThat(reference).contains("app_user", "division").doesNotContainAnyElementsOf(keyed);
    assertThat(other).doesNotContainAnyElementsOf(keyed).doesNotContainAnyElementsOf(reference);
  }

  @Test
  void everyKeyOfTheListedTablesIncludesTheDistrict() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      List<String> violations = DistrictKeyRules.violations(c, keyed, reference);
      assertThat(violations).as("breaches of the rule in docs/scale.md").isEmpty();
    }
  }

  @Test
  void everyTableWithADistrictColumnIsPlacedInTheDoc() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Set<String> unplaced = new LinkedHashSet<>(DistrictKeyRules.withDistrictColumn(c));
      unplaced.removeAll(keyed);
      unplaced.removeAll(reference);
      unplaced.removeAll(other);
      assertThat(unplaced)
          .as("tables with a district_code column that docs/scale.md does not place")
          .isEmpty();
    }
  }

  /** The check itself: a unique key or a foreign key without the district is caught. */
  @Test
  void aKeyWithoutTheDistrictIsCaught() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE UNIQUE INDEX district_rule_probe_idx ON object_grid_move (id)");
        s.execute(
            "CREATE TABLE district_rule_probe (object_id bigint, district_code varchar(6),"
                + " FOREIGN KEY (object_id, district_code)"
                + " REFERENCES supervised_object (id, district_code))");
        s.execute(
            "ALTER TABLE object_history ADD CONSTRAINT district_rule_probe_fk"
                + " FOREIGN KEY (id) REFERENCES object_grid_move (id) NOT VALID");
        List<String> violations = DistrictKeyRules.violations(c, keyed, reference);
        assertThat(violations)
            .contains(
                "object_grid_move: unique index district_rule_probe_idx does not include"
                    + " district_code")
            .contains(
                "object_history: foreign key district_rule_probe_fk to object_grid_move does not"
                    + " carry district_code")
            .anyMatch(v -> v.startsWith("district_rule_probe (not district-keyed): foreign key"))
            .hasSize(3);
      } finally {
        c.rollback();
      }
    }
  }
}
