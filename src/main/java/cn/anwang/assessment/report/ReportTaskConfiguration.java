package cn.anwang.assessment.report;

import cn.anwang.shared.calendar.WorkingCalendar;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled reports as a db-scheduler recurring task on {@code anwang.assessment.reports.cron}
 * (Beijing time): one server at a time runs it, and the scheduler's unique key makes a repeat
 * harmless anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportTaskConfiguration {

  static final String TASK_NAME = "assessment-reports";

  @Bean
  RecurringTask<Void> assessmentReportTask(
      ScheduledReports reports, ReportProperties properties, Optional<Clock> clock) {
    Clock c = clock.orElse(Clock.systemUTC());
    return Tasks.recurring(TASK_NAME, Schedules.cron(properties.cron(), WorkingCalendar.CHINA))
        .execute(
            (instance, context) -> reports.run(LocalDate.now(c.withZone(WorkingCalendar.CHINA))));
  }
}
