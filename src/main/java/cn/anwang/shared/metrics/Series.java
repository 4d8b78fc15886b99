package cn.anwang.shared.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * One time series of a snapshot gauge: the meter's name and its tags (the same tag keys for every
 * series of a name, as Prometheus requires).
 */
public record Series(String name, Tags tags) {

  public static Series of(String name, String... keyValues) {
    return new Series(name, Tags.of(keyValues));
  }
}
