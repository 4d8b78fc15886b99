package cn.anwang.casework.cases;

import java.util.Map;

/** What the API and pages send for each case action. */
public final class CaseCommands {

  private CaseCommands() {}

  /**
   * A new case. The place comes from the object when one is named, else from the point (WGS-84),
   * which must lie in a grid.
   */
  public record Report(
      CaseType type,
      CaseSource source,
      Long objectId,
      Double lon,
      Double lat,
      String address,
      String title,
      String description) {}

  /** An action on a case; which fields count depends on the action. */
  public record Act(
      Integer version,
      String reason,
      HandlerType handlerType,
      String handlerCode,
      Integer days,
      Boolean approve,
      Boolean passed,
      Double lon,
      Double lat,
      Map<String, Object> plan) {

    public static Act of(Integer version, String reason) {
      return new Act(version, reason, null, null, null, null, null, null, null, null);
    }
  }
}
