package cn.anwang.publicreport.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the public reporting page.
 *
 * @param perAddressPerMinute submissions one client address may make in a minute (a burst of that
 *     size, refilled evenly)
 * @param perAddressPerDay submissions one client address may make in a day
 * @param perDevicePerMinute submissions one device (the page's device cookie) may make in a minute
 * @param captchaLifetime how long a captcha may be answered
 * @param duplicateWindow how long the same text from the same client is refused as a duplicate
 * @param maxDescriptionLength the Open311 limit, 4,000 characters
 * @param maxPhotoBytes the largest photo accepted, in bytes (five at most per report)
 */
@Validated
@ConfigurationProperties("anwang.publicreport")
public record PublicReportProperties(
    @Min(1) @Max(100_000) Integer perAddressPerMinute,
    @Min(1) @Max(1_000_000) Integer perAddressPerDay,
    @Min(1) @Max(100_000) Integer perDevicePerMinute,
    Duration captchaLifetime,
    Duration duplicateWindow,
    @Min(10) @Max(4000) Integer maxDescriptionLength,
    @Min(1024) @Max(50 * 1024 * 1024) Integer maxPhotoBytes) {

  public PublicReportProperties {
    perAddressPerMinute = perAddressPerMinute == null ? 5 : perAddressPerMinute;
    perAddressPerDay = perAddressPerDay == null ? 30 : perAddressPerDay;
    perDevicePerMinute = perDevicePerMinute == null ? 3 : perDevicePerMinute;
    captchaLifetime = captchaLifetime == null ? Duration.ofMinutes(10) : captchaLifetime;
    duplicateWindow = duplicateWindow == null ? Duration.ofHours(24) : duplicateWindow;
    maxDescriptionLength = maxDescriptionLength == null ? 4000 : maxDescriptionLength;
    maxPhotoBytes = maxPhotoBytes == null ? 8 * 1024 * 1024 : maxPhotoBytes;
  }
}
