package cn.anwang.partner.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.uscc.UsccGenerator;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lapsing qualifications remind the registering district's administrators: once per lead, the
 * smallest lead reached, nothing again on a repeat, nothing for a blacklisted organisation or for a
 * qualification already renewed, and nobody in another district.
 */
@IntegrationTest
class QualificationRemindersTest {

  @Autowired QualificationReminders reminders;
  @Autowired JdbcClient jdbc;

  private long organisation(boolean blacklisted) {
    String uscc = new UsccGenerator(new Random()).nextEnterprise("120101");
    return jdbc.sql(
            "INSERT INTO partner_organisation (uscc, name, registered_district, blacklisted,"
                + " created_by) VALUES (?, ?, '120101', ?, 'test') RETURNING id")
        .params(uscc, "提醒测试机构" + uscc.substring(12), blacklisted)
        .query(Long.class)
        .single();
  }

  private long qualification(long org, String type, LocalDate to) {
    return jdbc.sql(
            "INSERT INTO partner_qualification (organisation_id, type, certificate_no, issuer,"
                + " valid_from, valid_to) VALUES (?, ?, ?, '天津市应急管理局', ?, ?) RETURNING id")
        .params(
            org, type, "Q-" + System.nanoTime(), Date.valueOf(to.minusYears(5)), Date.valueOf(to))
        .query(Long.class)
        .single();
  }

  private long sent(long qualification, String user) {
    return jdbc.sql(
            "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.dedup_key LIKE ?")
        .params(user, "partner-qual:" + qualification + ":%")
        .query(Long.class)
        .single();
  }

  @Test
  void eachLeadRemindsTheKeepersOnce() {
    LocalDate day = LocalDate.of(2031, 3, 1);
    long org = organisation(false);
    long lapsing = qualification(org, "SAFETY_ASSESSMENT", day.plusDays(20));
    long renewedOld = qualification(org, "TESTING_INSPECTION", day.plusDays(10));
    qualification(org, "TESTING_INSPECTION", day.plusYears(5));
    long blacklisted = qualification(organisation(true), "SAFETY_ASSESSMENT", day.plusDays(5));

    reminders.scan(day);
    assertThat(sent(lapsing, "heping.admin")).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key = ?")
                .param("partner-qual:" + lapsing + ":30")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(sent(lapsing, "xiqing.admin")).isZero();
    assertThat(sent(lapsing, "heping.street")).isZero();
    assertThat(sent(renewedOld, "heping.admin")).isZero();
    assertThat(sent(blacklisted, "heping.admin")).isZero();

    reminders.scan(day);
    assertThat(sent(lapsing, "heping.admin")).as("a repeat sends nothing").isEqualTo(1);
    reminders.scan(day.plusDays(15));
    assertThat(sent(lapsing, "heping.admin")).as("the 7-day reminder").isEqualTo(2);
    reminders.scan(day.plusDays(21));
    assertThat(sent(lapsing, "heping.admin")).as("lapsed: no more").isEqualTo(2);
  }
}
