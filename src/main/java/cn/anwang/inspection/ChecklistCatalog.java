package cn.anwang.inspection;

import java.util.List;
import java.util.Optional;

/**
 * The inspection checklists for other modules (a partner's checklist-based findings): the current
 * checklist that applies to an object, chosen as for an officer's inspection, and one version by
 * id. Unscoped: the caller has already checked the object is in its scope.
 */
public interface ChecklistCatalog {

  /** The current checklist that applies to the object, if any. */
  Optional<Sheet> forObject(long objectId);

  /** One version of a checklist, if it exists. */
  Optional<Sheet> byId(long checklistId);

  /**
   * One version of a checklist.
   *
   * @param code stable across versions
   */
  record Sheet(long id, String code, int version, String name, List<Item> items) {

    /** The item with this key, or null. */
    public Item item(String key) {
      return items.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }
  }

  /**
   * One question.
   *
   * @param answerType YES_NO_NA, NUMBER, TEXT or PHOTO
   * @param severity GENERAL or MAJOR
   * @param caseType the case a NO becomes: GENERAL_HAZARD, MAJOR_HAZARD or ILLEGAL_OPERATION
   */
  record Item(
      String key,
      String text,
      String legalBasis,
      String answerType,
      boolean photoRequired,
      String severity,
      String caseType) {}
}
