package cn.anwang.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * The other modules' tasks in an officer's list: every bean implementing it adds its open duties
 * (documents to deliver in person) to {@code GET /api/v1/tasks/mine}. A task opens the phone's
 * visit page with the kind and reference preset; recording that visit calls the owner's {@link
 * OfficerDutyListener}.
 */
public interface OfficerDutyTasks {

  /** The open duties at objects in these grids (the officer's current grids). */
  List<DutyTask> openIn(List<String> gridCodes);

  /**
   * @param kind DOCUMENT_DELIVERY or PUBLICITY
   * @param reference passed back in the visit (for example {@code document:12})
   * @param title what the duty is about (the document's title)
   * @param dueDate when it is due; null when it has no deadline
   */
  record DutyTask(String kind, long objectId, String reference, String title, LocalDate dueDate) {}
}
