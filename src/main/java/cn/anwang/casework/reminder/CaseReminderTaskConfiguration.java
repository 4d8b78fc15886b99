package cn.anwang.casework.reminder;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminder scan as a db-scheduler recurring task: one server at a time runs it. (The claim in
 * {@code case_reminder} is what makes each reminder exactly once; this only saves work.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class CaseReminderTaskConfiguration {

  static final String TASK_NAME = "casework-reminder-scan";

  @Bean
  RecurringTask<Void> caseReminderScanTask(ReminderScanner scanner, ReminderProperties properties) {
    return Tasks.recurring(TASK_NAME, FixedDelay.of(properties.scanEvery()))
        .execute((instance, context) -> scanner.scan());
  }
}
