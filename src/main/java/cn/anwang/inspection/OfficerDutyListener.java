package cn.anwang.inspection;

/**
 * A hook for the modules that will own the officers' other duties (document delivery, publicity):
 * every bean implementing it is told, inside the recording transaction, when an officer records a
 * visit of such a kind in the inspection flow. Nothing implements it yet.
 */
public interface OfficerDutyListener {

  void dutyRecorded(OfficerDuty duty);

  /**
   * A document delivery or publicity visit recorded at an object.
   *
   * @param kind DOCUMENT_DELIVERY or PUBLICITY
   * @param inspectionId the record's id in the inspection module
   * @param findings what the officer wrote (who signed, what was handed out)
   */
  record OfficerDuty(
      String kind,
      long inspectionId,
      long objectId,
      long userId,
      Long officerId,
      java.time.Instant endedAt,
      String signerName,
      String findings) {}
}
