package cn.anwang.area.locate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Locate settings ({@code anwang.locate.*}).
 *
 * @param refreshInterval how often each server checks {@code grid_index_version} (default 2 s)
 * @param maxBatchPoints most points in one batch request (default 10,000)
 */
@Validated
@ConfigurationProperties("anwang.locate")
record LocateProperties(
    @NotNull @DefaultValue("2s") Duration refreshInterval,
    @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxBatchPoints) {}
