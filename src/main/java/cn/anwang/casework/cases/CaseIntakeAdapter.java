package cn.anwang.casework.cases;

import cn.anwang.casework.CaseIntake;
import org.springframework.stereotype.Component;

/** {@link CaseIntake} through {@link CaseService#report}: the same rules as the case API. */
@Component
class CaseIntakeAdapter implements CaseIntake {

  private final CaseService cases;

  CaseIntakeAdapter(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public Created report(
      String type,
      String source,
      long objectId,
      Double lon,
      Double lat,
      String title,
      String description,
      String idempotencyKey) {
    CaseService.Reported r =
        cases.report(
            new CaseCommands.Report(
                CaseType.valueOf(type),
                CaseSource.valueOf(source),
                objectId,
                lon,
                lat,
                null,
                title,
                description),
            idempotencyKey);
    return new Created(r.safetyCase().id, r.safetyCase().number, r.created());
  }

  @Override
  public Created reportAt(
      String type,
      String source,
      double lon,
      double lat,
      String address,
      String title,
      String description,
      String idempotencyKey) {
    CaseService.Reported r =
        cases.report(
            new CaseCommands.Report(
                CaseType.valueOf(type),
                CaseSource.valueOf(source),
                null,
                lon,
                lat,
                address,
                title,
                description),
            idempotencyKey);
    return new Created(r.safetyCase().id, r.safetyCase().number, r.created());
  }
}
