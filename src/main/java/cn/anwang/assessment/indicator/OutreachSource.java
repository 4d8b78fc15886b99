package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.outreach.OutreachFigures;
import cn.anwang.outreach.OutreachFigures.Receipts;
import cn.anwang.registry.ObjectCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Document receipt rate (签收率) and publicity coverage (宣传覆盖率), from outreach's {@link
 * OutreachFigures}; the objects on the register from registry's {@link ObjectCounts}.
 */
@Component
@Order(40)
class OutreachSource implements IndicatorSource {

  static final String RECEIPT = "document.receiptRate";
  static final String PUBLICITY = "publicity.coverage";

  private static final Indicator RECEIPT_RATE =
      new Indicator(
          RECEIPT,
          Unit.PERCENT,
          Direction.HIGHER,
          Level.GRID,
          false,
          List.of("outreach_document.receipt_deadline", "outreach_delivery.status"));

  private static final Indicator COVERAGE =
      new Indicator(
          PUBLICITY,
          Unit.PERCENT,
          Direction.HIGHER,
          Level.GRID,
          false,
          List.of("publicity_object.reached_at", "supervised_object.status"));

  private final OutreachFigures outreach;
  private final ObjectCounts objects;

  OutreachSource(OutreachFigures outreach, ObjectCounts objects) {
    this.outreach = outreach;
    this.objects = objects;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(RECEIPT_RATE, COVERAGE);
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    if (slice.department() != null) {
      return result;
    }
    Map<String, Receipts> receipts =
        outreach.receipts(slice.division(), slice.unitLength(), slice.firstDay(), slice.lastDay());
    Map<String, Long> reached =
        outreach.reachedObjects(slice.division(), slice.unitLength(), slice.from(), slice.to());
    Map<String, Integer> registered = objects.byUnit(slice.division(), slice.unitLength());
    Set<String> units = new TreeSet<>(receipts.keySet());
    units.addAll(reached.keySet());
    units.addAll(registered.keySet());
    for (String unit : units) {
      Map<String, Figure> figures = new LinkedHashMap<>();
      Receipts r = receipts.getOrDefault(unit, new Receipts(0, 0));
      figures.put(RECEIPT, RECEIPT_RATE.figure(r.received(), r.deliveries()));
      figures.put(
          PUBLICITY,
          COVERAGE.figure(reached.getOrDefault(unit, 0L), registered.getOrDefault(unit, 0)));
      result.put(unit, figures);
    }
    return result;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    boolean numerator = "numerator".equals(part);
    if (RECEIPT.equals(code)) {
      return outreach
          .deliveries(
              slice.division(),
              slice.unitLength(),
              unit,
              numerator,
              slice.firstDay(),
              slice.lastDay(),
              limit)
          .stream()
          .map(
              d ->
                  new Evidence(
                      part,
                      "delivery",
                      Long.toString(d.id()),
                      d.title() + " · #" + d.objectId(),
                      d.status(),
                      d.divisionCode(),
                      d.gridCode(),
                      d.receivedAt(),
                      "/documents/" + d.documentId()))
          .toList();
    }
    if (!numerator) {
      // the objects on the register are registry's list
      return List.of();
    }
    return outreach
        .reached(slice.division(), slice.unitLength(), unit, slice.from(), slice.to(), limit)
        .stream()
        .map(
            o ->
                new Evidence(
                    part,
                    "object",
                    Long.toString(o.objectId()),
                    "#" + o.objectId() + " · " + o.type(),
                    o.type(),
                    o.divisionCode(),
                    o.gridCode(),
                    o.reachedAt(),
                    "/objects/" + o.objectId()))
        .toList();
  }
}
