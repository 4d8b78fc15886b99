package cn.anwang.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak of used heap while some work runs, sampled by a daemon thread (garbage included: the
 * figure is what the JVM held, not what the work retained). Also the used heap after garbage
 * collection, the baseline the benchmarks report against.
 */
final class HeapSampler implements AutoCloseable {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final AtomicLong peak = new AtomicLong();
  private final AtomicBoolean sampling = new AtomicBoolean(true);
  private final Thread thread;

  private HeapSampler(long intervalMillis) {
    thread =
        new Thread(
            () -> {
              while (sampling.get()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling every {@code intervalMillis}. */
  static HeapSampler start(long intervalMillis) {
    HeapSampler sampler = new HeapSampler(intervalMillis);
    sampler.peak.set(MEMORY.getHeapMemoryUsage().getUsed());
    sampler.thread.start();
    return sampler;
  }

  /** Stops sampling (waits for the sampler thread) and returns the peak seen, in bytes. */
  long stop() {
    sampling.set(false);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return peak.get();
  }

  @Override
  public void close() {
    stop();
  }

  /** Used heap after asking for garbage collection a few times, in bytes. */
  static long usedAfterGc(int collections) {
    for (int i = 0; i < collections; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** The heap's maximum size, in bytes. */
  static long max() {
    return MEMORY.getHeapMemoryUsage().getMax();
  }
}
