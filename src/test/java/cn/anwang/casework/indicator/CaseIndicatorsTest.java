package cn.anwang.casework.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.indicator.CaseIndicators.Figures;
import cn.anwang.casework.indicator.CaseIndicators.Group;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The indicators against a small history worked out by hand (in 河东区 120102, which no other test
 * uses): six cases, November 2026.
 */
@IntegrationTest
class CaseIndicatorsTest {

  private static final Instant FROM = at("2026-11-01T00:00");
  private static final Instant TO = at("2026-12-01T00:00");
  private static final Instant NOW = at("2026-12-15T12:00");

  @Autowired CaseIndicators indicators;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  private static Instant at(String beijing) {
    return LocalDateTime.parse(beijing).atZone(WorkingCalendar.CHINA).toInstant();
  }

  private static Timestamp ts(String beijing) {
    return beijing == null ? null : Timestamp.from(at(beijing));
  }

  @BeforeEach
  void history() {
    if (jdbc.sql("SELECT count(*) FROM safety_case WHERE district_code = '120102'")
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    // A: registered 2 Nov, due 16 Nov, closed on time 10 Nov; 3 working days
    long a =
        insert(
            "A",
            "120102001",
            "CLOSED",
            "DEPARTMENT",
            "120102-YJ",
            "2026-11-02T09:00",
            "2026-11-16T00:00",
            "2026-11-10T10:00",
            true,
            3,
            null);
    // B: registered 3 Nov, due 20 Nov, closed late 25 Nov; returned 4 Nov, rework 18 Nov; 10 days
    long b =
        insert(
            "B",
            "120102001",
            "CLOSED",
            "STREET",
            "120102001",
            "2026-11-03T09:00",
            "2026-11-20T00:00",
            "2026-11-25T10:00",
            false,
            10,
            null);
    event(b, "RETURN", "2026-11-04T10:00");
    event(b, "REWORK", "2026-11-18T10:00");
    // C: registered in October, due 5 Nov, still open and overdue; extension in October (not
    // counted), rework 2 Nov
    long c =
        insert(
            "C",
            "120102002",
            "RECTIFYING",
            "DEPARTMENT",
            "120102-YJ",
            "2026-10-20T09:00",
            "2026-11-05T00:00",
            null,
            null,
            null,
            "2026-11-05T00:00");
    event(c, "APPROVE_EXTENSION", "2026-10-30T10:00");
    event(c, "REWORK", "2026-11-02T10:00");
    // D: registered 20 Nov, due in December; its stage is past its deadline
    insert(
        "D",
        "120102002",
        "DISPATCHED",
        "STREET",
        "120102002",
        "2026-11-20T09:00",
        "2026-12-10T00:00",
        null,
        null,
        null,
        "2026-11-25T00:00");
    // E: voided, counts nowhere
    insert("E", "120102002", "VOIDED", null, null, null, null, null, null, null, null);
    // F: registered 5 Nov, extension approved 10 Nov, due 25 Nov, closed on time 24 Nov; 5 days
    long f =
        insert(
            "F",
            "120102002",
            "CLOSED",
            "DEPARTMENT",
            "120102-SC",
            "2026-11-05T09:00",
            "2026-11-25T00:00",
            "2026-11-24T10:00",
            true,
            5,
            null);
    event(f, "APPROVE_EXTENSION", "2026-11-10T10:00");
    assertThat(a).isPositive();
  }

  private long insert(
      String label,
      String street,
      String status,
      String handlerType,
      String handlerCode,
      String registered,
      String due,
      String closed,
      Boolean onTime,
      Integer workingDays,
      String stageDue) {
    return jdbc.sql(
            """
            INSERT INTO safety_case (number, district_code, street_code, division_code, type, source,
                title, description, status, handler_type, handler_code, stage_due_at, due_at,
                reported_at, registered_at, closed_at, closed_on_time, handling_working_seconds,
                reporter_name)
            VALUES (?, '120102', ?, ?, 'GENERAL_HAZARD', 'OFFICER_INSPECTION', ?, '测试', ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, '测试')
            RETURNING id
            """)
        .params(
            "120102-2026-T0000" + label,
            street,
            street,
            "案件" + label,
            status,
            handlerType,
            handlerCode,
            ts(stageDue),
            ts(due),
            registered == null ? ts("2026-11-05T08:00") : ts(registered),
            ts(registered),
            ts(closed),
            onTime,
            workingDays == null ? null : workingDays * 86_400L)
        .query(Long.class)
        .single();
  }

  private void event(long caseId, String action, String when) {
    jdbc.sql(
            "INSERT INTO case_event (case_id, district_code, at, actor_name, action)"
                + " VALUES (?, '120102', ?, '测试', ?)")
        .params(caseId, ts(when), action)
        .update();
  }

  @Test
  void theDistrictFiguresAreTheOnesWorkedOutByHand() {
    Figures t = indicators.compute("120102", null, FROM, TO, NOW).totals();
    assertThat(t.registered()).isEqualTo(4); // A, B, D, F
    assertThat(t.due()).isEqualTo(4); // A, B, C, F
    assertThat(t.closed()).isEqualTo(3); // A, B, F
    assertThat(t.closedOnTime()).isEqualTo(2); // A, F
    assertThat(t.closedInPeriod()).isEqualTo(3);
    assertThat(t.rework()).isEqualTo(2); // B 18 Nov, C 2 Nov
    assertThat(t.extensions()).isEqualTo(1); // F (C's was in October)
    assertThat(t.wrongDispatches()).isEqualTo(1); // B
    assertThat(t.overdueNow()).isEqualTo(2); // C, D
    assertThat(t.averageHandlingWorkingDays()).isEqualTo(6.0); // (3 + 10 + 5) / 3
    assertThat(t.closeRate()).isEqualTo(0.75);
    assertThat(t.onTimeRate()).isEqualTo(0.5);
    assertThat(t.reworkRate()).isEqualTo(0.5);
  }

  @Test
  void perStreetAndPerHandlerAndForOneDepartment() {
    CaseIndicators.Result r = indicators.compute("120102", null, FROM, TO, NOW);
    Figures s1 =
        r.byStreet().stream()
            .filter(g -> g.code().equals("120102001"))
            .findFirst()
            .orElseThrow()
            .figures();
    assertThat(s1.registered()).isEqualTo(2);
    assertThat(s1.due()).isEqualTo(2);
    assertThat(s1.closedOnTime()).isEqualTo(1);
    assertThat(s1.averageHandlingWorkingDays()).isEqualTo(6.5);
    Figures s2 =
        r.byStreet().stream()
            .filter(g -> g.code().equals("120102002"))
            .findFirst()
            .orElseThrow()
            .figures();
    assertThat(s2.registered()).isEqualTo(2);
    assertThat(s2.overdueNow()).isEqualTo(2);
    assertThat(s2.extensions()).isEqualTo(1);
    assertThat(r.byHandler())
        .extracting(Group::code)
        .contains("DEPARTMENT:120102-YJ", "STREET:120102001");

    Figures yj = indicators.compute("120102", "120102-YJ", FROM, TO, NOW).totals();
    assertThat(yj.registered()).isEqualTo(1); // A
    assertThat(yj.due()).isEqualTo(2); // A, C
    assertThat(yj.closed()).isEqualTo(1);
    assertThat(yj.rework()).isEqualTo(1); // C
    assertThat(yj.overdueNow()).isEqualTo(1); // C
    assertThat(yj.closeRate()).isEqualTo(0.5);

    Figures street = indicators.compute("120102001", null, FROM, TO, NOW).totals();
    assertThat(street.wrongDispatches()).isEqualTo(1);
    assertThat(street.due()).isEqualTo(2);
  }

  @Test
  void theApiIsScopedAndTakesDaysInBeijingTime() throws Exception {
    mvc.perform(
            get("/api/v1/case-indicators?division=120102&from=2026-11-01&to=2026-11-30")
                .with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totals.registered").value(4))
        .andExpect(jsonPath("$.totals.closeRate").value(0.75))
        .andExpect(jsonPath("$.totals.onTimeRate").value(0.5));
    mvc.perform(
            get("/api/v1/case-indicators?division=120102&from=2026-11-01&to=2026-11-30")
                .with(httpBasic("heping.admin", "anwang-demo-2026")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/case-indicators").with(httpBasic("heping.officer", "anwang-demo-2026")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/case-indicators?division=120102&from=2026-12-01&to=2026-11-01")
                .with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isBadRequest());
  }
}
