package cn.anwang.inspection;

import java.util.Optional;

/**
 * What a duty visit left behind, for the module that owns the duty (a delivery receipt shows the
 * signature). Unscoped: the caller has already checked the object is in scope.
 */
public interface DutyEvidence {

  /** The visit's signature and photo count, if the record exists. */
  Optional<Evidence> of(long inspectionId);

  /**
   * @param signaturePng the drawn signature, null when none
   * @param photoCount how many photos the visit has
   * @param recordedBy the display name of who recorded the visit
   */
  record Evidence(byte[] signaturePng, int photoCount, String recordedBy) {}
}
