package cn.anwang.publicreport.intake;

import java.time.Duration;

/** Too many submissions from one client address or device: answered 429 with Retry-After. */
public class Throttled extends RuntimeException {

  private final Duration retryAfter;

  Throttled(Duration retryAfter) {
    super("throttled", null, false, false);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
