package cn.anwang.registry.object;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo objects ({@code anwang.demo-objects.*}), used only when {@code anwang.demo=true}.
 *
 * @param districts the districts to fill (the demo area's districts)
 * @param perDistrict objects per district
 * @param seed the same seed gives the same objects
 */
@Validated
@ConfigurationProperties("anwang.demo-objects")
record DemoObjectsProperties(
    @NotEmpty @DefaultValue({"120101", "120111"}) List<String> districts,
    @Min(0) @Max(200_000) @DefaultValue("2600") int perDistrict,
    @DefaultValue("2026") long seed) {}
