package cn.anwang.inspection;

/**
 * A hook for the modules that own the officers' other duties (document delivery, publicity): every
 * bean implementing it is told, inside the recording transaction, when an officer records a visit
 * of such a kind in the inspection flow. The visit is the duty's record: a listener keeps what it
 * needs to find it again (the inspection id), and reads the signature through {@link DutyEvidence}.
 */
public interface OfficerDutyListener {

  void dutyRecorded(OfficerDuty duty);

  /**
   * A document delivery or publicity visit recorded at an object.
   *
   * @param kind DOCUMENT_DELIVERY or PUBLICITY
   * @param inspectionId the record's id in the inspection module
   * @param signerName who signed on the phone, if anyone
   * @param findings what the officer wrote (what was handed out)
   * @param lon the phone's position (WGS-84), when it had one
   * @param outsideAllowedArea whether the position was far from the object and outside its grid
   * @param signed whether a signature was drawn
   * @param reference what the phone said the visit was for, as the owning module wrote it into the
   *     task (for example {@code document:12}); null when the officer chose the kind by hand
   */
  record OfficerDuty(
      String kind,
      long inspectionId,
      long objectId,
      long userId,
      Long officerId,
      java.time.Instant endedAt,
      String signerName,
      String findings,
      Double lon,
      Double lat,
      boolean outsideAllowedArea,
      boolean signed,
      String reference) {}
}
