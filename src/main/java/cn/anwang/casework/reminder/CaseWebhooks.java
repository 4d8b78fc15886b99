package cn.anwang.casework.reminder;

import cn.anwang.casework.cases.CaseTransitioned;
import cn.anwang.notification.Webhooks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every line a user's action adds to a case's timeline becomes a webhook event {@code
 * case.<action>} (e.g. {@code case.report}, {@code case.dispatch}, {@code case.reinspect-pass}),
 * enqueued in the outbox inside the action's own transaction: it is delivered if and only if the
 * action commits. The event id is {@code case-event:<timeline line id>}.
 */
@Component
class CaseWebhooks {

  private final Webhooks webhooks;

  CaseWebhooks(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  static String kindOf(CaseTransitioned e) {
    return "case." + e.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @EventListener
  void on(CaseTransitioned e) {
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", e.caseId());
    subject.put("number", e.number());
    subject.put("status", e.to() == null ? null : e.to().name());
    subject.put("previousStatus", e.from() == null ? null : e.from().name());
    subject.put("type", e.type().name());
    subject.put("district", e.districtCode());
    subject.put("division", e.divisionCode());
    subject.put("handlerType", e.handlerType() == null ? null : e.handlerType().name());
    subject.put("handlerCode", e.handlerCode());
    subject.put("stage", e.stage() == null ? null : e.stage().name());
    subject.put("stageDueAt", e.stageDueAt() == null ? null : e.stageDueAt().toString());
    subject.put("dueAt", e.dueAt() == null ? null : e.dueAt().toString());
    webhooks.publish("case-event:" + e.eventId(), kindOf(e), e.at(), "case", subject);
  }
}
