package cn.anwang.inspection.plan;

import cn.anwang.shared.StartupOrder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, generates today's patrol tasks once the demo officers and their grids exist (the
 * scheduled run may come before them), so the demo officers open the phone to a task list.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 30)
@ConditionalOnBooleanProperty("anwang.demo")
class DemoPatrolTasks implements ApplicationRunner {

  private final PatrolPlanGenerator generator;
  private final Clock clock;

  DemoPatrolTasks(PatrolPlanGenerator generator, Optional<Clock> clock) {
    this.generator = generator;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @Override
  public void run(ApplicationArguments args) {
    generator.generate(LocalDate.now(clock.withZone(PatrolPeriods.CHINA)));
  }
}
