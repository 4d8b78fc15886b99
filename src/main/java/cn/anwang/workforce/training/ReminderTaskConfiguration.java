package cn.anwang.workforce.training;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily certificate expiry scan as a db-scheduler recurring task (the starter registers every
 * task bean): persistent and cluster-safe, one server runs it a day; a repeat sends nothing new.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderTaskConfiguration {

  static final String TASK_NAME = "training-certificate-expiry";

  @Bean
  RecurringTask<Void> certificateExpiryReminderTask(
      ExpiryReminders reminders, ReminderProperties properties) {
    return Tasks.recurring(TASK_NAME, Schedules.daily(properties.zone(), properties.dailyAt()))
        .execute((instance, context) -> reminders.scan(LocalDate.now(properties.zone())));
  }
}
