package cn.anwang.inspection.checklist;

/**
 * One question of a checklist.
 *
 * @param key stable within the checklist's versions, e.g. {@code exit-clear}
 * @param answerType YES_NO_NA, NUMBER, TEXT or PHOTO
 * @param photoRequired whether a NO answer (or a PHOTO item) needs a photo
 * @param severity the finding a failed item implies: GENERAL or MAJOR
 * @param caseType the case a failed item becomes: GENERAL_HAZARD, MAJOR_HAZARD or ILLEGAL_OPERATION
 */
public record ChecklistItem(
    String key,
    String text,
    String legalBasis,
    String answerType,
    Boolean photoRequired,
    String severity,
    String caseType) {

  public ChecklistItem {
    photoRequired = Boolean.TRUE.equals(photoRequired);
  }
}
