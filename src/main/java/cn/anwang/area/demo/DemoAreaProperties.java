package cn.anwang.area.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo area settings ({@code anwang.demo-area.*}), used only when {@code anwang.demo=true}.
 *
 * @param districts district codes to fill with synthetic streets, villages and grids (default 和平区
 *     120101 and 西青区 120111)
 * @param seed random seed: the same seed gives the same polygons
 * @param minGridsPerVillage grids for an ordinary village or community
 * @param maxGridsPerVillage grids for a busy one (about a third are busy)
 */
@Validated
@ConfigurationProperties("anwang.demo-area")
record DemoAreaProperties(
    @NotEmpty @DefaultValue({"120101", "120111"})
        List<@Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code") String>
            districts,
    @DefaultValue("2026") long seed,
    @Min(1) @Max(20) @DefaultValue("1") int minGridsPerVillage,
    @Min(1) @Max(20) @DefaultValue("3") int maxGridsPerVillage) {}
