package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.Row;
import cn.anwang.assessment.scheme.Rankings.Place;
import cn.anwang.assessment.scheme.Scheme.AssessedLevel;
import cn.anwang.assessment.scheme.SheetStore.Event;
import cn.anwang.assessment.scheme.SheetStore.Stored;
import cn.anwang.identity.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published schemes' sheets as they read now, for a generated report: unscoped (the report's
 * caller is checked by the report's web layer, the scheduler has no caller) and writing nothing. A
 * LOCKED sheet is its frozen score; an OPEN one (or one never read yet) is computed as {@link
 * ScoreSheets} would compute it, but neither stored nor given a history line.
 */
@Service
@Transactional(readOnly = true)
public class SchemeReadings {

  /** A unit's sheet under a scheme, with its place among the scheme's units. */
  public record Reading(
      Scheme scheme,
      String unit,
      String unitName,
      boolean locked,
      SheetScore score,
      String signedBy,
      String signedByName,
      Instant signedAt,
      List<Comment> comments,
      Integer rank,
      int units) {}

  /** An assessor's comment on a sheet. */
  public record Comment(String username, String name, Instant at, String text) {}

  private final SchemeStore schemes;
  private final SheetStore sheets;
  private final IndicatorTables tables;
  private final IndicatorCatalogue catalogue;

  SchemeReadings(
      SchemeStore schemes,
      SheetStore sheets,
      IndicatorTables tables,
      IndicatorCatalogue catalogue) {
    this.schemes = schemes;
    this.sheets = sheets;
    this.tables = tables;
    this.catalogue = catalogue;
  }

  /**
   * The published schemes of a year assessing a unit: a street's district's STREET schemes, a
   * district's the city's DISTRICT schemes; none for the city.
   */
  public List<Scheme> assessing(String unit, int year) {
    List<Scheme> found =
        switch (unit.length()) {
          case 9 -> schemes.published(year, AssessedLevel.STREET, unit.substring(0, 6));
          case 6 -> schemes.published(year, AssessedLevel.DISTRICT, Scope.CITY);
          default -> List.of();
        };
    return found.stream().filter(s -> s.assesses(unit)).toList();
  }

  /**
   * The published schemes of a year a unit owns, assessing the units below it: a district's STREET
   * schemes, the city's DISTRICT schemes; none for a street.
   */
  public List<Scheme> ownedBy(String unit, int year) {
    return switch (unit.length()) {
      case 6 -> schemes.published(year, AssessedLevel.STREET, unit);
      case 2 -> schemes.published(year, AssessedLevel.DISTRICT, unit);
      default -> List.of();
    };
  }

  /** The unit's sheet, empty when the scheme's table has no such unit. */
  public Optional<Reading> sheet(Scheme s, String unit) {
    List<Row> rows = ScoreSheets.units(tables, s);
    Row row = rows.stream().filter(r -> r.unit().code().equals(unit)).findFirst().orElse(null);
    if (row == null) {
      return Optional.empty();
    }
    Optional<Stored> stored = sheets.find(s.id(), unit);
    boolean locked = stored.map(Stored::locked).orElse(false);
    SheetScore score = locked ? stored.get().score() : score(s, row);
    List<Comment> comments = new ArrayList<>();
    String signedByName = null;
    for (Event e : stored.map(x -> sheets.events(x.id())).orElse(List.of())) {
      if ("COMMENTED".equals(e.kind())) {
        comments.add(new Comment(e.username(), e.name(), e.at(), e.comment()));
      } else if ("SIGNED".equals(e.kind())) {
        signedByName = e.name();
      }
    }
    List<Place> ranking = ranking(s, rows);
    Integer rank = null;
    for (Place p : ranking) {
      if (p.unit().equals(unit)) {
        rank = p.rank();
      }
    }
    return Optional.of(
        new Reading(
            s,
            unit,
            row.unit().name(),
            locked,
            score,
            locked ? stored.get().signedBy() : null,
            signedByName,
            locked ? stored.get().signedAt() : null,
            comments,
            rank,
            ranking.size()));
  }

  /** Every unit of the scheme by total, as {@link ScoreSheets#ranking} ranks them. */
  public List<Place> ranking(Scheme s) {
    return ranking(s, ScoreSheets.units(tables, s));
  }

  private List<Place> ranking(Scheme s, List<Row> rows) {
    List<Place> places = new ArrayList<>();
    for (Row row : rows) {
      Optional<Stored> stored = sheets.find(s.id(), row.unit().code());
      SheetScore score =
          stored.filter(Stored::locked).map(Stored::score).orElseGet(() -> score(s, row));
      places.add(new Place(row.unit().code(), row.unit().name(), score.total(), null));
    }
    return Rankings.rank(places);
  }

  private SheetScore score(Scheme s, Row row) {
    return SheetScore.of(s.items(), row.figures(), c -> catalogue.find(c).orElse(null));
  }
}
