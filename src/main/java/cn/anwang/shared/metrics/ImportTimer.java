package cn.anwang.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The timer {@code anwang.import} (Prometheus {@code anwang_import_seconds_*}) of one kind of bulk
 * import, tagged {@code kind} and {@code outcome}; every outcome is registered up front so that
 * rates start at 0 rather than missing.
 */
public final class ImportTimer {

  public static final String NAME = "anwang.import";

  /** How an import ended. */
  public enum Outcome {
    /** rows were written */
    WRITTEN,
    /** a dry run: checked and reported, nothing written */
    DRY_RUN,
    /** checked and refused (problems found), nothing written */
    REFUSED,
    /** an exception: unreadable file, not allowed, database error */
    FAILED;

    String tag() {
      return name();
    }
  }

  private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

  public ImportTimer(MeterRegistry registry, String kind) {
    for (Outcome o : Outcome.values()) {
      timers.put(
          o,
          Timer.builder(NAME)
              .description("Bulk imports: how long they took, by kind and outcome")
              .tags("kind", kind, "outcome", o.tag())
              .register(registry));
    }
  }

  /** Runs the import and records its time under the outcome its result (or exception) gives. */
  public <T> T record(Supplier<T> work, Function<T, Outcome> outcome) {
    long start = System.nanoTime();
    Outcome o = Outcome.FAILED;
    try {
      T result = work.get();
      o = outcome.apply(result);
      return result;
    } finally {
      timers.get(o).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }
}
