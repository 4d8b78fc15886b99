package cn.anwang.casework;

/**
 * Creating a case from another module (an inspection's failed item, for instance), as the current
 * user, with the same rules, numbering, timeline and audit as a case reported through the API.
 */
public interface CaseIntake {

  /**
   * Reports a case about an object.
   *
   * @param type GENERAL_HAZARD, MAJOR_HAZARD, ILLEGAL_OPERATION, ACCIDENT or OTHER
   * @param source where it came from, e.g. OFFICER_INSPECTION
   * @param objectId the object (must be in the caller's territory)
   * @param lon WGS-84 longitude where it was found, or null for the object's
   * @param lat WGS-84 latitude, or null
   * @param title a short title
   * @param description what was found
   * @param idempotencyKey a key that makes a retried call return the first case, or null
   */
  Created report(
      String type,
      String source,
      long objectId,
      Double lon,
      Double lat,
      String title,
      String description,
      String idempotencyKey);

  /**
   * The case made (or found again with the same key).
   *
   * @param created false when the key had already made this case
   */
  record Created(long id, String number, boolean created) {}
}
