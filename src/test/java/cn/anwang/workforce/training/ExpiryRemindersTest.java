package cn.anwang.workforce.training;

import static cn.anwang.workforce.training.TrainingFixtures.HEPING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Certificate expiry reminders: who gets them, once each, and from the real scheduler. */
@IntegrationTest
class ExpiryRemindersTest {

  @Autowired ExpiryReminders reminders;
  @Autowired JdbcClient jdbc;
  @Autowired Scheduler scheduler;
  @Autowired RecurringTask<Void> certificateExpiryReminderTask;

  TrainingFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new TrainingFixtures(jdbc);
  }

  @Test
  void remindsTheOfficerAndTheStreetAdministratorOnceForEachLead() {
    LocalDate day = LocalDate.of(2040, 3, 1);
    long course = fixtures.course("120101", unique("REMIND"), 60, 12);
    long user = fixtures.user(unique("remind.officer"), "STREET_OFFICER", HEPING_STREET);
    long officer = fixtures.officer("将到期", HEPING_STREET, "STREET", "ACTIVE", user);
    long expiring = fixtures.certificate(officer, course, "2039-03-21", "2040-03-21");
    long streetAdmin = fixtures.userId("heping.street");
    long xiqingStreet = fixtures.userId("xiqing.street");

    // renewed: an older certificate with a newer one of the same course is not reminded of
    long renewedOfficer = fixtures.streetOfficer("已复训", HEPING_STREET);
    long old = fixtures.certificate(renewedOfficer, course, "2039-03-10", "2040-03-10");
    fixtures.certificate(renewedOfficer, course, "2040-02-01", "2041-02-01");
    // revoked: not reminded of
    long revokedOfficer = fixtures.streetOfficer("已撤销", HEPING_STREET);
    long revoked = fixtures.certificate(revokedOfficer, course, "2039-03-15", "2040-03-15");
    jdbc.sql("UPDATE training_certificate SET revoked_at = now() WHERE id = ?")
        .param(revoked)
        .update();
    // too far ahead: not yet
    long laterOfficer = fixtures.streetOfficer("还早", HEPING_STREET);
    long later = fixtures.certificate(laterOfficer, course, "2039-06-01", "2040-06-01");

    int first = reminders.scan(day);

    assertThat(first).isGreaterThanOrEqualTo(2);
    assertThat(sent(user, "cert-expiry:" + expiring + ":30")).isEqualTo(1);
    assertThat(sent(streetAdmin, "cert-expiry:" + expiring + ":30")).isEqualTo(1);
    assertThat(sent(xiqingStreet, "cert-expiry:" + expiring + ":30")).isZero();
    assertThat(sentFor(old)).isZero();
    assertThat(sentFor(revoked)).isZero();
    assertThat(sentFor(later)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT message_key || ' ' || message_args::text || ' ' || link FROM notification WHERE user_id = ? AND dedup_key = ?")
                .params(user, "cert-expiry:" + expiring + ":30")
                .query(String.class)
                .single())
        .contains("notification.training.certificateExpiring")
        .contains("将到期")
        .contains("2040-03-21")
        .contains("\"20\"")
        .contains("/workforce/officers/" + officer);

    assertThat(reminders.scan(day)).as("a second scan of the same day").isZero();
    assertThat(sent(user, "cert-expiry:" + expiring + ":30")).isEqualTo(1);

    // five days before expiry: the 7-day reminder, once
    assertThat(reminders.scan(LocalDate.of(2040, 3, 16))).isGreaterThanOrEqualTo(2);
    assertThat(reminders.scan(LocalDate.of(2040, 3, 17))).isZero();
    assertThat(sent(user, "cert-expiry:" + expiring + ":7")).isEqualTo(1);
    assertThat(sent(streetAdmin, "cert-expiry:" + expiring + ":7")).isEqualTo(1);
  }

  @Test
  void theRecurringTaskRunsOnTheSchedulerAndSendsTheReminder() throws Exception {
    LocalDate today = LocalDate.now(CertificateService.ZONE);
    long course = fixtures.course("120101", unique("SCHED"), 60, 12);
    long user = fixtures.user(unique("sched.officer"), "STREET_OFFICER", HEPING_STREET);
    long officer = fixtures.officer("调度提醒", HEPING_STREET, "STREET", "ACTIVE", user);
    long certificate =
        fixtures.certificate(
            officer, course, today.minusMonths(11).toString(), today.plusDays(6).toString());

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    boolean rescheduled = false;
    while (!rescheduled && Instant.now().isBefore(deadline)) {
      rescheduled =
          scheduler.reschedule(
              certificateExpiryReminderTask.getDefaultTaskInstance(), Instant.now());
      if (!rescheduled) {
        Thread.sleep(200);
      }
    }
    assertThat(rescheduled).as("the recurring task is registered with the scheduler").isTrue();
    scheduler.triggerCheckForDueExecutions();
    while (sent(user, "cert-expiry:" + certificate + ":7") == 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertThat(sent(user, "cert-expiry:" + certificate + ":7")).isEqualTo(1);
    // and it is scheduled for its next daily run again
    Instant next = null;
    while (Instant.now().isBefore(deadline)) {
      next =
          jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND NOT picked")
              .param(ReminderTaskConfiguration.TASK_NAME)
              .query(java.sql.Timestamp.class)
              .optional()
              .map(java.sql.Timestamp::toInstant)
              .orElse(null);
      if (next != null && next.isAfter(Instant.now())) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(next).isAfter(Instant.now());
  }

  private long sent(long user, String dedupKey) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND dedup_key = ?")
        .params(user, dedupKey)
        .query(Long.class)
        .single();
  }

  private long sentFor(long certificate) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key LIKE ?")
        .param("cert-expiry:" + certificate + ":%")
        .query(Long.class)
        .single();
  }
}
