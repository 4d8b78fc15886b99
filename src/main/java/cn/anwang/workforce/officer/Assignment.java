package cn.anwang.workforce.officer;

import java.time.LocalDate;

/**
 * An officer's assignment to a grid; current while {@code endsOn} is null.
 *
 * @param gridDivisionCode the grid's street or village when the assignment started
 * @param rebalanceId the rebalancing proposal that made it, or null
 */
public record Assignment(
    long id,
    long officerId,
    String gridCode,
    String districtCode,
    String gridDivisionCode,
    LocalDate startsOn,
    LocalDate endsOn,
    String startReason,
    String endReason,
    Long rebalanceId,
    String createdBy) {

  public boolean current() {
    return endsOn == null;
  }
}
