package cn.anwang.workforce.staffing;

import cn.anwang.area.Divisions;
import cn.anwang.workforce.StaffingFigures;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link StaffingFigures} from {@link Compliance}'s own computation, so both agree. */
@Component
@Transactional(readOnly = true)
class ComplianceFigures implements StaffingFigures {

  private final Compliance compliance;
  private final Divisions divisions;

  ComplianceFigures(Compliance compliance, Divisions divisions) {
    this.compliance = compliance;
    this.divisions = divisions;
  }

  @Override
  public List<StreetStaffing> streets(String divisionPrefix) {
    if (divisionPrefix.length() > 9) {
      return List.of();
    }
    return divisions
        .find(divisionPrefix)
        .map(
            d ->
                compliance.compute(d).streets().stream()
                    .map(
                        s ->
                            new StreetStaffing(
                                s.code(),
                                s.name(),
                                s.officers(),
                                s.min(),
                                s.max(),
                                s.status() == Compliance.Status.WITHIN))
                    .toList())
        .orElse(List.of());
  }
}
