package cn.anwang.outreach.document;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily scan for receipt deadlines as a db-scheduler recurring task (persistent and
 * cluster-safe: one server runs it a day, at 08:00 Beijing time); a repeat sends nothing new.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryReminderTask {

  static final String TASK_NAME = "outreach-receipt-deadline";

  @Bean
  RecurringTask<Void> receiptDeadlineTask(DeliveryReminders reminders) {
    return Tasks.recurring(TASK_NAME, Schedules.daily(DocumentQueries.BEIJING, LocalTime.of(8, 0)))
        .execute((instance, context) -> reminders.scan(LocalDate.now(DocumentQueries.BEIJING)));
  }
}
