package cn.anwang.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time spent by this JVM (the application and the benchmark's clients) and by the embedded
 * PostgreSQL (postmaster and all its backends, read from {@code /proc}). Unlike throughput, CPU per
 * operation hardly changes when other work shares the machine, so it tells what two quiet cores
 * could serve.
 */
final class CpuTime {

  static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

  private CpuTime() {}

  /** {java nanos, postgres nanos}; postgres is -1 when /proc or the pid file is not readable. */
  static long[] snapshot(Path pgData) {
    long java =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new long[] {java, postgres(pgData)};
  }

  private static long postgres(Path pgData) {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0));
      // the postmaster's own time and that of its children that have exited (cutime, cstime):
      // connections closed during the measurement (pgbench's, at its end) count too
      long[] total = {ticks(postmaster) + reapedTicks(postmaster)};
      ProcessHandle.of(postmaster)
          .ifPresent(p -> p.descendants().forEach(d -> total[0] += ticks(d.pid())));
      return total[0] * TICK_NANOS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long ticks(long pid) {
    return statTicks(String.valueOf(pid), 11); // utime, stime
  }

  private static long reapedTicks(long pid) {
    return statTicks(String.valueOf(pid), 13); // cutime, cstime of exited, reaped children
  }

  /**
   * Two adjacent CPU fields of {@code /proc/<process>/stat} summed, in clock ticks; {@code first}
   * counts from the field after the command name; 0 when unreadable.
   */
  static long statTicks(String process, int first) {
    try {
      String stat = Files.readString(Path.of("/proc/" + process + "/stat"));
      // fields after the command name (which may contain spaces) in parentheses
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[first]) + Long.parseLong(f[first + 1]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static void report(long[] before, long[] after, long operations, String what) {
    if (operations == 0) {
      return;
    }
    double java = (after[0] - before[0]) / 1e6 / operations;
    if (before[1] < 0 || after[1] < 0) {
      System.out.printf(
          Locale.ROOT, "CPU per %s: JVM %.2f ms (PostgreSQL not readable)%n", what, java);
      return;
    }
    double pg = (after[1] - before[1]) / 1e6 / operations;
    System.out.printf(
        Locale.ROOT,
        "CPU per %s: JVM (server and clients) %.2f ms + PostgreSQL %.2f ms = %.2f ms;"
            + " two fully used cores would serve at most %,.0f %ss/s%n",
        what,
        java,
        pg,
        java + pg,
        2000 / (java + pg),
        what);
  }
}
