package cn.anwang.assessment.indicator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** For the assessment benchmark: each indicator source's computation of a slice, to time alone. */
public final class BenchSources {

  private BenchSources() {}

  /** The sources by class name, each as a task computing {@code slice}. */
  public static Map<String, Runnable> computations(ApplicationContext context, Slice slice) {
    Map<String, Runnable> result = new LinkedHashMap<>();
    context
        .getBeanProvider(IndicatorSource.class)
        .orderedStream()
        .forEach(s -> result.put(s.getClass().getSimpleName(), () -> s.compute(slice)));
    return result;
  }
}
