package cn.anwang.publicreport.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client address and per device, in this server's memory: a burst of the
 * per-minute allowance refilled evenly, and a daily allowance. Behind several servers each keeps
 * its own buckets, so the effective limit is at most the number of servers times the configured one
 * (documented).
 */
@Component
class RateLimiter {

  private static final int MAX_KEYS = 200_000;

  private final PublicReportProperties properties;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(PublicReportProperties properties) {
    this.properties = properties;
  }

  /**
   * Takes one submission from the address's (and the device's) allowance.
   *
   * @return empty when allowed, else how long to wait
   */
  java.util.Optional<Duration> take(String addressKey, String deviceKey) {
    long now = System.nanoTime();
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    Bucket address =
        buckets.computeIfAbsent(
            "a:" + addressKey,
            k -> new Bucket(properties.perAddressPerMinute(), properties.perAddressPerDay(), now));
    java.util.Optional<Duration> wait = address.take(now);
    if (wait.isPresent() || deviceKey == null) {
      return wait;
    }
    Bucket device =
        buckets.computeIfAbsent(
            "d:" + deviceKey,
            k -> new Bucket(properties.perDevicePerMinute(), properties.perAddressPerDay(), now));
    return device.take(now);
  }

  private static final class Bucket {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long DAY = Duration.ofDays(1).toNanos();

    private final int perMinute;
    private final int perDay;
    private double tokens;
    private long refilledAt;
    private long dayStart;
    private int today;

    Bucket(int perMinute, int perDay, long now) {
      this.perMinute = perMinute;
      this.perDay = perDay;
      this.tokens = perMinute;
      this.refilledAt = now;
      this.dayStart = now;
    }

    synchronized java.util.Optional<Duration> take(long now) {
      if (now - dayStart >= DAY) {
        dayStart = now;
        today = 0;
      }
      tokens = Math.min(perMinute, tokens + (now - refilledAt) * (double) perMinute / MINUTE);
      refilledAt = now;
      if (today >= perDay) {
        return java.util.Optional.of(Duration.ofNanos(DAY - (now - dayStart)));
      }
      if (tokens < 1) {
        long nanos = (long) Math.ceil((1 - tokens) * MINUTE / perMinute);
        return java.util.Optional.of(Duration.ofNanos(nanos));
      }
      tokens -= 1;
      today++;
      return java.util.Optional.empty();
    }
  }
}
