package cn.anwang.notification.outbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox delivery as a db-scheduler recurring task: one server at a time delivers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxTaskConfiguration {

  static final String TASK_NAME = "notification-outbox-delivery";

  @Bean
  RecurringTask<Void> outboxDeliveryTask(OutboxDelivery delivery, OutboxProperties properties) {
    return Tasks.recurring(TASK_NAME, FixedDelay.of(properties.pollEvery()))
        .execute((instance, context) -> delivery.deliverDue());
  }
}
