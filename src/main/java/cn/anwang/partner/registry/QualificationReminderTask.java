package cn.anwang.partner.registry;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily scan for lapsing qualifications as a db-scheduler recurring task (persistent and
 * cluster-safe: one server runs it a day, at 07:30 Beijing time); a repeat sends nothing new.
 */
@Configuration(proxyBeanMethods = false)
class QualificationReminderTask {

  static final String TASK_NAME = "partner-qualification-expiry";

  @Bean
  RecurringTask<Void> qualificationExpiryTask(QualificationReminders reminders) {
    return Tasks.recurring(TASK_NAME, Schedules.daily(PartnerQueries.BEIJING, LocalTime.of(7, 30)))
        .execute((instance, context) -> reminders.scan(LocalDate.now(PartnerQueries.BEIJING)));
  }
}
