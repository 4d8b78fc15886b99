package cn.anwang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.inspection.plan.PatrolPlanGenerator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Patrol task generation per risk level across a quarter, and the per-district plan. */
@IntegrationTest
class PatrolPlanTest {

  @Autowired JdbcClient jdbc;
  @Autowired PatrolPlanGenerator generator;
  @Autowired MockMvc mvc;

  InspectionFixture f;

  @BeforeEach
  void setUp() {
    f = new InspectionFixture(jdbc);
  }

  @AfterEach
  void tearDown() {
    jdbc.sql("DELETE FROM patrol_plan_setting WHERE scope_code = '120101'").update();
    f.close();
  }

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  /** Runs the generator on every day of 2027's first quarter (as the scheduler would, daily). */
  private void runQuarter() {
    for (LocalDate day = d("2027-01-01"); day.isBefore(d("2027-04-01")); day = day.plusDays(1)) {
      generator.generate(day, f.divisionCode);
    }
  }

  @Test
  void aQuarterGivesRedThreeTasksOrangeTwoYellowOneBlueOne() {
    long red = f.object("红", "RED");
    long orange = f.object("橙", "ORANGE");
    long yellow = f.object("黄", "YELLOW");
    long blue = f.object("蓝", "BLUE");
    long direct = f.object("直管", "RED");
    jdbc.sql(
            "UPDATE supervised_object SET direct_supervision = true,"
                + " direct_supervision_reason = 'LARGE_SCALE' WHERE id = ?")
        .param(direct)
        .update();
    long closed = f.object("关停", "RED");
    jdbc.sql("UPDATE supervised_object SET status = 'CLOSED' WHERE id = ?").param(closed).update();
    long overridden = f.object("人工调为红", "BLUE");
    jdbc.sql(
            "UPDATE supervised_object SET risk_override_level = 'RED',"
                + " risk_override_reason = '测试', risk_override_by = 'test' WHERE id = ?")
        .param(overridden)
        .update();

    runQuarter();
    runQuarter(); // again: nothing more

    LocalDate from = d("2026-07-01");
    LocalDate to = d("2027-06-30");
    assertThat(f.periods(red, from, to))
        .containsExactly(d("2027-01-01"), d("2027-02-01"), d("2027-03-01"));
    assertThat(f.periods(orange, from, to)).containsExactly(d("2027-01-01"), d("2027-03-01"));
    assertThat(f.periods(yellow, from, to)).containsExactly(d("2027-01-01"));
    assertThat(f.periods(blue, from, to)).containsExactly(d("2027-01-01"));
    assertThat(f.periods(overridden, from, to)).hasSize(3);
    assertThat(f.periods(direct, from, to)).isEmpty();
    assertThat(f.periods(closed, from, to)).isEmpty();

    // due dates: the last day of each period; every task is the grid officer's
    assertThat(
            jdbc.sql("SELECT due_date FROM patrol_task WHERE object_id = ? ORDER BY period_start")
                .param(orange)
                .query(LocalDate.class)
                .list())
        .containsExactly(d("2027-02-28"), d("2027-04-30"));
    assertThat(
            jdbc.sql("SELECT due_date FROM patrol_task WHERE object_id = ?")
                .param(blue)
                .query(LocalDate.class)
                .single())
        .isEqualTo(d("2027-06-30"));
    assertThat(
            jdbc.sql("SELECT DISTINCT officer_id FROM patrol_task WHERE object_id IN (?, ?, ?, ?)")
                .params(red, orange, yellow, blue)
                .query(Long.class)
                .list())
        .containsExactly(f.officerId);
  }

  @Test
  void aDistrictPlanOverridesTheCityDefaultAndOnlyItsAdministratorSetsIt() throws Exception {
    long red = f.object("红", "RED");
    String body =
        "{\"redMonths\":3,\"orangeMonths\":2,\"yellowMonths\":3,\"blueMonths\":6,\"allowedDistanceMeters\":300}";
    // an officer may not; another district's administrator does not even see it
    mvc.perform(
            put("/api/v1/patrol-plans/120101")
                .with(httpBasic("heping.officer", InspectionFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/patrol-plans/120101")
                .with(httpBasic("xiqing.admin", InspectionFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/v1/patrol-plans/120101")
                .with(httpBasic("heping.admin", InspectionFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"redMonths\":5}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("redMonths"));
    mvc.perform(
            put("/api/v1/patrol-plans/120101")
                .with(httpBasic("heping.admin", InspectionFixture.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.redMonths").value(3))
        .andExpect(jsonPath("$.inherited").value(false));
    mvc.perform(
            get("/api/v1/patrol-plans").with(httpBasic("heping.admin", InspectionFixture.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].scopeCode").value("120101"))
        .andExpect(jsonPath("$.items[0].allowedDistanceMeters").value(300));

    runQuarter();
    assertThat(f.periods(red, d("2026-07-01"), d("2027-06-30"))).containsExactly(d("2027-01-01"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'patrol-plan.update' AND target_id = '120101'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void openTasksFollowTheGridToItsNewOfficer() {
    long red = f.object("红", "RED");
    generator.generate(d("2027-01-10"), f.divisionCode);
    long other =
        jdbc.sql(
                """
                INSERT INTO officer (district_code, division_code, name, tier, employment, status)
                VALUES ('120101', ?, '接替网格员', 'STREET', 'STAFF', 'ACTIVE') RETURNING id
                """)
            .param(InspectionFixture.STREET)
            .query(Long.class)
            .single();
    try {
      jdbc.sql("UPDATE officer_assignment SET ends_on = DATE '2027-01-11' WHERE officer_id = ?")
          .param(f.officerId)
          .update();
      jdbc.sql(
              """
              INSERT INTO officer_assignment (officer_id, grid_code, district_code, grid_division_code,
                                              starts_on, created_by)
              VALUES (?, ?, '120101', ?, DATE '2027-01-11', 'test')
              """)
          .params(other, f.gridCode, f.divisionCode)
          .update();
      generator.generate(d("2027-01-12"), f.divisionCode);
      List<Long> owners =
          jdbc.sql("SELECT officer_id FROM patrol_task WHERE object_id = ?")
              .param(red)
              .query(Long.class)
              .list();
      assertThat(owners).containsExactly(other);
    } finally {
      jdbc.sql("DELETE FROM patrol_task WHERE officer_id = ?").param(other).update();
      jdbc.sql("DELETE FROM officer_assignment WHERE officer_id = ?").param(other).update();
      jdbc.sql("DELETE FROM officer WHERE id = ?").param(other).update();
    }
  }
}
