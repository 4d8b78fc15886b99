package cn.anwang.area.grid;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Grid settings.
 *
 * @param importMaxBytes largest accepted import body; the default fits a whole city's grids
 * @param uploadRetention how long an upload waits on the import page for its confirmation
 */
@Validated
@ConfigurationProperties("anwang.grids")
record GridsProperties(
    @DefaultValue("64MB") @NotNull DataSize importMaxBytes,
    @DefaultValue("1h") @NotNull Duration uploadRetention) {

  GridsProperties {
    if (importMaxBytes != null && importMaxBytes.toBytes() <= 0) {
      throw new IllegalArgumentException("anwang.grids.import-max-bytes must be positive");
    }
  }
}
