package cn.anwang.assessment.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled reports ({@code anwang.assessment.reports.*}).
 *
 * @param cron when the task runs (Spring-style six fields, in Beijing time); default 02:00 on the
 *     1st of each month
 * @param annualMonth the month whose run also generates the previous year's ANNUAL reports
 * @param scope the division whose units get scheduled reports: itself, its districts and streets
 * @param languages the languages generated for each unit
 */
@Validated
@ConfigurationProperties("anwang.assessment.reports")
record ReportProperties(
    @DefaultValue("0 0 2 1 * *") @NotBlank String cron,
    @DefaultValue("1") @Min(1) @Max(12) int annualMonth,
    @DefaultValue("12") @Pattern(regexp = "\\d{2}|\\d{6}|\\d{9}") String scope,
    @DefaultValue("zh-CN") List<@Pattern(regexp = "zh-CN|en") String> languages) {}
