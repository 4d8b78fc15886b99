package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.CaseIntake;
import cn.anwang.casework.CaseProgressed;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Casework's public API for other modules: a case reported at a bare point is placed in its grid,
 * and its status changes are published as {@link CaseProgressed} with the case's source.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseIntakeTest {

  @Autowired CaseIntake intake;
  @Autowired CaseFacade cases;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  private Long made;

  @AfterEach
  void removeCase() {
    if (made != null) {
      jdbc.sql("DELETE FROM case_event WHERE case_id = ?").param(made).update();
      jdbc.sql("DELETE FROM safety_case WHERE id = ?").param(made).update();
    }
  }

  private double[] pointInStreet(String street) {
    return jdbc.sql(
            "SELECT lon, lat FROM supervised_object WHERE street_code = ? AND lon IS NOT NULL"
                + " ORDER BY id LIMIT 1")
        .param(street)
        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
        .single();
  }

  @Test
  @WithUserDetails("heping.street")
  void aPublicReportAtAPointBecomesACaseInItsGridAndItsProgressIsPublished() {
    double[] p = pointInStreet("120101001");
    String key = "intake-" + UUID.randomUUID();
    CaseIntake.Created c =
        intake.reportAt(
            "GENERAL_HAZARD", "PUBLIC_REPORT", p[0], p[1], "和平路1号", "楼道堆物", "群众举报：楼道堆放杂物", key);
    made = c.id();
    assertThat(c.created()).isTrue();
    assertThat(c.number()).startsWith("120101-");
    var row =
        jdbc.sql(
                "SELECT street_code, grid_code, object_id, source, address FROM safety_case WHERE id = ?")
            .param(c.id())
            .query()
            .singleRow();
    assertThat(row.get("street_code")).isEqualTo("120101001");
    assertThat(row.get("grid_code")).isNotNull();
    assertThat(row.get("object_id")).isNull();
    assertThat(row.get("source")).isEqualTo("PUBLIC_REPORT");
    assertThat(row.get("address")).isEqualTo("和平路1号");

    // the same key gives the same case
    CaseIntake.Created again =
        intake.reportAt(
            "GENERAL_HAZARD", "PUBLIC_REPORT", p[0], p[1], "和平路1号", "楼道堆物", "群众举报：楼道堆放杂物", key);
    assertThat(again.id()).isEqualTo(c.id());
    assertThat(again.created()).isFalse();

    List<CaseProgressed> published =
        events.stream(CaseProgressed.class).filter(e -> e.caseId() == c.id()).toList();
    assertThat(published).hasSize(1);
    CaseProgressed e = published.get(0);
    assertThat(e.source()).isEqualTo("PUBLIC_REPORT");
    assertThat(e.action()).isEqualTo("REPORT");
    assertThat(e.status()).isEqualTo("REPORTED");
    assertThat(e.open()).isTrue();
    assertThat(e.districtCode()).isEqualTo("120101");
    assertThat(e.number()).isEqualTo(c.number());
  }

  @Test
  @WithUserDetails("heping.street")
  void aPointOutsideTheCallersTerritoryIsRefused() {
    double[] p = pointInStreet("120111001");
    assertThatThrownBy(
            () ->
                intake.reportAt(
                    "GENERAL_HAZARD", "PUBLIC_REPORT", p[0], p[1], null, "t", "d", null))
        .isInstanceOf(CaseRejected.class)
        .hasFieldOrPropertyWithValue("field", "lon");
  }
}
