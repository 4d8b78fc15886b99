package cn.anwang.casework;

/**
 * Creating a case from another module (an inspection's failed item, a verified public report, a
 * third party's finding), as the current user, with the same rules, numbering, timeline and audit
 * as a case reported through the API. What becomes of the case afterwards is published as {@link
 * CaseProgressed}.
 */
public interface CaseIntake {

  /**
   * Reports a case about an object.
   *
   * @param type GENERAL_HAZARD, MAJOR_HAZARD, ILLEGAL_OPERATION, ACCIDENT or OTHER
   * @param source where it came from: OFFICER_INSPECTION, VILLAGE_REPORT, PUBLIC_REPORT, DEPARTMENT
   *     or THIRD_PARTY
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
   * Reports a case about a place with no registered object (a citizen's report of a street corner,
   * say): the case is placed in the grid that covers the point, which must lie in the caller's
   * territory (otherwise a 422 naming {@code lon}).
   *
   * @param lon WGS-84 longitude, required
   * @param lat WGS-84 latitude, required
   * @param address the address as written, or null
   */
  Created reportAt(
      String type,
      String source,
      double lon,
      double lat,
      String address,
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
