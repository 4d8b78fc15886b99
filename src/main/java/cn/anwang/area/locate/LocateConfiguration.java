package cn.anwang.area.locate;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls {@code grid_index_version} for changes. A plain local schedule on purpose, not
 * db-scheduler: every server must rebuild its own index.
 */
@Configuration(proxyBeanMethods = false)
class LocateConfiguration implements SchedulingConfigurer {

  private final LocateService locate;
  private final LocateProperties properties;

  LocateConfiguration(LocateService locate, LocateProperties properties) {
    this.locate = locate;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(locate::poll, properties.refreshInterval());
  }
}
