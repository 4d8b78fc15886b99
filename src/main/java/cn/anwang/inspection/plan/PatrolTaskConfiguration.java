package cn.anwang.inspection.plan;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Patrol task generation as a db-scheduler recurring task (one server at a time; the unique object
 * + period key makes a repeat harmless anyway), every {@code anwang.inspection.plan-every} (default
 * 6 hours), for the current day in China.
 */
@Configuration(proxyBeanMethods = false)
class PatrolTaskConfiguration {

  static final String TASK_NAME = "inspection-patrol-plan";

  @Bean
  RecurringTask<Void> patrolPlanTask(
      PatrolPlanGenerator generator,
      Optional<Clock> clock,
      @Value("${anwang.inspection.plan-every:6h}") Duration every) {
    Clock c = clock.orElse(Clock.systemUTC());
    return Tasks.recurring(TASK_NAME, FixedDelay.of(every))
        .execute(
            (instance, context) ->
                generator.generate(LocalDate.now(c.withZone(PatrolPeriods.CHINA))));
  }
}
