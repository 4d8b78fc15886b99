package cn.anwang.publicreport.indicator;

import cn.anwang.publicreport.PublicReportIndicators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/public-report-indicators?division=&from=&to=}. */
@RestController
@Tag(name = "Public reports")
class IndicatorApiController {

  private final IndicatorAccess access;

  IndicatorApiController(IndicatorAccess access) {
    this.access = access;
  }

  @GetMapping("/api/v1/public-report-indicators")
  @Operation(summary = "Public reports received, verified, merged, converted, closed; median times")
  PublicReportIndicators.Result get(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return access.read(division, from, to);
  }
}
