package cn.anwang.assessment.indicator;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.Grids;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator table of a division: its own figures, and one row per unit just below it (streets
 * of a district, villages of a street, grids of a village) or per grid; each row drills down to its
 * own table, each figure to its records. Unscoped: the web layer checks the reader's scope.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorTables {

  /**
   * A row's unit. {@code direct}: records of the division itself that lie in none of the units
   * below (a case placed at street level, a grid of the street itself).
   */
  public record RowUnit(String code, String name, Level level, boolean direct) {}

  /** A unit and its figure per indicator code (absent: not computed at this level). */
  public record Row(RowUnit unit, Map<String, Figure> figures) {}

  public record Table(
      String division,
      String name,
      Level level,
      Level rows,
      String department,
      Instant from,
      Instant to,
      Instant computedAt,
      List<Indicator> indicators,
      Row total,
      List<Row> units,
      List<Division> path) {}

  private final IndicatorCatalogue catalogue;
  private final Divisions divisions;
  private final Grids grids;

  IndicatorTables(IndicatorCatalogue catalogue, Divisions divisions, Grids grids) {
    this.catalogue = catalogue;
    this.divisions = divisions;
    this.grids = grids;
  }

  /**
   * @param division an existing division code
   * @param rows the level of the rows: below the division's, or the grid
   */
  public Table table(
      String division, String department, Level rows, Instant from, Instant to, Instant now) {
    Level level = Level.ofCode(division);
    Division d = divisions.find(division).orElseThrow();
    Slice own = new Slice(division, department, level, from, to, now);
    Slice below = own.by(rows);
    Map<String, Figure> total = new LinkedHashMap<>();
    Map<String, Map<String, Figure>> byUnit = new LinkedHashMap<>();
    for (IndicatorSource source : catalogue.sources()) {
      Map<String, Map<String, Figure>> rowFigures = source.compute(below);
      rowFigures.forEach((u, f) -> byUnit.computeIfAbsent(u, x -> new LinkedHashMap<>()).putAll(f));
      if (source.additive()) {
        total.putAll(sum(source, rowFigures));
      } else {
        source.compute(own).getOrDefault(division, Map.of()).forEach(total::put);
      }
    }
    List<Row> units = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (RowUnit u : units(division, rows)) {
      seen.add(u.code());
      units.add(new Row(u, byUnit.getOrDefault(u.code(), Map.of())));
    }
    byUnit.forEach(
        (code, figures) -> {
          if (!seen.contains(code)) {
            units.add(new Row(new RowUnit(code, d.name(), level, true), figures));
          }
        });
    return new Table(
        division,
        d.name(),
        level,
        rows,
        department,
        from,
        to,
        now,
        catalogue.all(),
        new Row(new RowUnit(division, d.name(), level, false), total),
        units,
        divisions.path(division));
  }

  /** The records behind one figure of a table's row, or of its total when {@code unit} is null. */
  public List<Evidence> evidence(
      String code,
      String division,
      String department,
      Level rows,
      String unit,
      String part,
      Instant from,
      Instant to,
      Instant now,
      int limit) {
    Level level = unit == null ? Level.ofCode(division) : rows;
    Slice slice = new Slice(division, department, level, from, to, now);
    return catalogue
        .sourceOf(code)
        .evidence(code, slice, unit == null ? division : unit, part, limit);
  }

  /** One month's figure of an indicator for a division. */
  public record MonthFigure(String month, Figure figure) {}

  /**
   * An indicator of a division month by month through the year, up to the current month; empty for
   * an indicator judged now (it has no history).
   */
  public List<MonthFigure> trend(
      String code, String division, String department, int year, Instant now) {
    Indicator indicator = catalogue.find(code).orElseThrow();
    if (indicator.current()) {
      return List.of();
    }
    IndicatorSource source = catalogue.sourceOf(code);
    Level level = Level.ofCode(division);
    ZoneId zone = WorkingCalendar.CHINA;
    YearMonth last = YearMonth.from(now.atZone(zone));
    List<MonthFigure> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year, m);
      if (month.isAfter(last)) {
        break;
      }
      Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
      Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
      Figure f =
          source
              .compute(new Slice(division, department, level, from, to, now))
              .getOrDefault(division, Map.of())
              .get(code);
      months.add(new MonthFigure(month.toString(), f));
    }
    return months;
  }

  /** The division's figures of an additive source: its units' counts summed. */
  private static Map<String, Figure> sum(
      IndicatorSource source, Map<String, Map<String, Figure>> rowFigures) {
    Map<String, Figure> total = new LinkedHashMap<>();
    for (Indicator indicator : source.indicators()) {
      long numerator = 0;
      long denominator = 0;
      for (Map<String, Figure> figures : rowFigures.values()) {
        Figure f = figures.get(indicator.code());
        if (f != null) {
          numerator += f.numerator() == null ? 0 : f.numerator();
          denominator += f.denominator() == null ? 0 : f.denominator();
        }
      }
      // nothing counted is 0 / 0 (no value), not "not computed here"
      total.put(indicator.code(), indicator.figure(numerator, denominator));
    }
    return total;
  }

  private List<RowUnit> units(String division, Level rows) {
    if (rows == Level.GRID) {
      return grids.in(division).stream()
          .map(g -> new RowUnit(g.code(), g.name(), Level.GRID, false))
          .toList();
    }
    return divisions.children(division).stream()
        .map(c -> new RowUnit(c.code(), c.name(), Level.ofCode(c.code()), false))
        .toList();
  }
}
