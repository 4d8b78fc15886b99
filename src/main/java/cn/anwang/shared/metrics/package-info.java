/**
 * Metrics shared by the modules: gauges read from a snapshot that is computed at most once per
 * {@code anwang.metrics.snapshot-ttl} ({@link cn.anwang.shared.metrics.MetricSnapshots}), the
 * import timer ({@link cn.anwang.shared.metrics.ImportTimer}), and the infrastructure's own gauges
 * (db-scheduler's {@code scheduled_tasks}, Spring Modulith's {@code event_publication}). See
 * docs/observability.md.
 */
package cn.anwang.shared.metrics;
