package cn.anwang.publicreport.reward;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily expiry of unclaimed rewards as a db-scheduler recurring task (persistent and
 * cluster-safe: one server runs it a day), at 01:30 Beijing time.
 */
@Configuration(proxyBeanMethods = false)
class RewardTaskConfiguration {

  static final String TASK_NAME = "public-reward-expiry";

  @Bean
  RecurringTask<Void> rewardExpiryTask(RewardExpiry expiry) {
    return Tasks.recurring(
            TASK_NAME, Schedules.daily(ZoneId.of("Asia/Shanghai"), LocalTime.of(1, 30)))
        .execute((instance, context) -> expiry.expire(Instant.now()));
  }
}
