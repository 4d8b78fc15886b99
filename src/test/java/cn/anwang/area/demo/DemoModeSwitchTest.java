package cn.anwang.area.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A plain start (demo off, the default) has no demo area runner, so it writes no grids. */
class DemoModeSwitchTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(DemoAreaRunner.class);

  @Test
  void writesNoDemoGridsWhenDemoModeIsOff() {
    context.run(c -> assertThat(c).doesNotHaveBean(DemoAreaRunner.class));
    context
        .withPropertyValues("anwang.demo=false")
        .run(c -> assertThat(c).doesNotHaveBean(DemoAreaRunner.class));
  }
}
