package cn.anwang.shared.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotTtl how long a gauge snapshot (one query for all its series) is reused; scrapes
 *     within it read memory only
 */
@ConfigurationProperties("anwang.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration snapshotTtl) {}
