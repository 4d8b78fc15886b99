package cn.anwang.area.locate;

import cn.anwang.shared.StartupOrder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Builds the locate index at start-up, right after the demo grids are written. */
@Component
@Order(StartupOrder.DEMO_AREA + 1)
class LocateIndexRunner implements ApplicationRunner {

  private final LocateService locate;

  LocateIndexRunner(LocateService locate) {
    this.locate = locate;
  }

  @Override
  public void run(ApplicationArguments args) {
    locate.refreshIfChanged();
  }
}
