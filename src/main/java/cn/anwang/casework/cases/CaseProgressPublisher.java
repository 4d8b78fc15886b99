package cn.anwang.casework.cases;

import cn.anwang.casework.CaseProgressed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the module's own {@link CaseTransitioned} into the public {@link CaseProgressed}, in the
 * same transaction, so other modules follow a case without reading casework's tables. Lines that
 * leave the status as it was (an attachment, a supervision note) are not published.
 */
@Component
class CaseProgressPublisher {

  private final ApplicationEventPublisher events;

  CaseProgressPublisher(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  void on(CaseTransitioned e) {
    if (e.from() == e.to()) {
      return;
    }
    events.publishEvent(
        new CaseProgressed(
            e.caseId(),
            e.number(),
            e.source().name(),
            e.action().name(),
            e.to().name(),
            e.to().open(),
            e.at(),
            e.districtCode(),
            e.divisionCode(),
            e.to() == CaseStatus.CLOSED ? e.closedOnTime() : null));
  }
}
