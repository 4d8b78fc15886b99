package cn.anwang.casework.metrics;

import cn.anwang.casework.cases.CaseAction;
import cn.anwang.casework.cases.CaseTransitioned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code anwang.case.transitions} (Prometheus {@code anwang_case_transitions_total}) by action,
 * counted when the transition's transaction commits (a refused or rolled-back one is not counted).
 * A plain listener with a transaction synchronisation, not a transactional event listener, so that
 * Spring Modulith writes no event publication for it.
 */
@Component
class CaseTransitionMetrics {

  static final String NAME = "anwang.case.transitions";

  private final Map<CaseAction, Counter> counters = new EnumMap<>(CaseAction.class);

  CaseTransitionMetrics(MeterRegistry registry) {
    for (CaseAction action : CaseAction.values()) {
      counters.put(
          action,
          Counter.builder(NAME)
              .description("Case transitions committed, by action")
              .tag("action", action.name())
              .register(registry));
    }
  }

  @EventListener
  void on(CaseTransitioned e) {
    Counter counter = counters.get(e.action());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              counter.increment();
            }
          });
    } else {
      counter.increment();
    }
  }
}
