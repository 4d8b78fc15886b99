package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.report.ReportBlock.Column;
import cn.anwang.assessment.scheme.Rankings.Place;
import cn.anwang.assessment.scheme.Scheme;
import cn.anwang.assessment.scheme.SchemeReadings;
import cn.anwang.assessment.scheme.SchemeReadings.Comment;
import cn.anwang.assessment.scheme.SchemeReadings.Reading;
import cn.anwang.assessment.scheme.SheetScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * ANNUAL only, 考核得分 / score sheet: the unit's sheet under each published scheme of the year
 * assessing it (its status, each item, the total and its rank, the assessor's comments), and for a
 * district or the city the ranking of the units below it under the schemes it owns. Read through
 * {@link SchemeReadings}: nothing is written, a signed sheet is its frozen score. Without any
 * scheme the section says so in one line.
 */
@Component
class ScoreSheetSection implements ReportSection {

  static final int COLUMNS = 9;

  private final SchemeReadings readings;
  private final IndicatorCatalogue catalogue;
  private final ReportTexts texts;

  ScoreSheetSection(SchemeReadings readings, IndicatorCatalogue catalogue, ReportTexts texts) {
    this.readings = readings;
    this.catalogue = catalogue;
    this.texts = texts;
  }

  @Override
  public int order() {
    return 150;
  }

  @Override
  public boolean appliesTo(ReportKind kind) {
    return kind == ReportKind.ANNUAL;
  }

  @Override
  public ReportBlock render(ReportContext c) {
    Locale l = c.locale();
    int year = c.period().first().getYear();
    List<List<Object>> rows = new ArrayList<>();
    for (Scheme s : readings.assessing(c.unitCode(), year)) {
      readings.sheet(s, c.unitCode()).ifPresent(r -> sheet(rows, r, l));
    }
    for (Scheme s : readings.ownedBy(c.unitCode(), year)) {
      rows.add(row(t(l, "score.rankingOf"), s.name()));
      for (Place p : readings.ranking(s)) {
        rows.add(row(p.unit(), p.name(), null, null, null, null, null, p.total(), rank(p.rank())));
      }
    }
    if (rows.isEmpty()) {
      rows.add(row(t(l, "score.scheme"), t(l, "score.none", Integer.toString(year))));
    }
    List<Column> columns =
        List.of(
            Column.text(t(l, "score.column.item"), 1.1f),
            Column.text(t(l, "score.column.detail"), 2.4f),
            Column.number(t(l, "column.numerator"), 0.6f),
            Column.number(t(l, "column.denominator"), 0.6f),
            Column.number(t(l, "column.value"), 0.6f),
            Column.text(t(l, "score.column.curve"), 1.8f),
            Column.number(t(l, "score.column.weight"), 0.5f),
            Column.number(t(l, "score.column.points"), 0.6f),
            Column.number(t(l, "score.column.rank"), 0.5f));
    String sheet = t(l, "sheet.score");
    return new ReportBlock(sheet, sheet, t(l, "score.note"), columns, rows);
  }

  private void sheet(List<List<Object>> rows, Reading r, Locale l) {
    rows.add(row(t(l, "score.scheme"), r.scheme().name()));
    String status =
        r.locked()
            ? t(
                l,
                "score.signed",
                r.signedByName() == null ? r.signedBy() : r.signedByName(),
                r.signedBy(),
                SummarySection.TIME.format(r.signedAt()))
            : t(l, "score.provisional");
    rows.add(row(t(l, "score.status"), status));
    SheetScore score = r.score();
    for (SheetScore.Line line : score.lines()) {
      Indicator i = catalogue.find(line.code()).orElse(null);
      String name = i == null ? line.code() : texts.indicator(i, "name", l);
      if (!line.counted()) {
        name = t(l, "score.leftOut", name);
      }
      Figure f = line.figure();
      rows.add(
          row(
              line.code(),
              name,
              f == null || f.numerator() == null ? null : f.numerator().doubleValue(),
              f == null || f.denominator() == null ? null : f.denominator().doubleValue(),
              f == null ? null : f.value(),
              CurveTexts.summary(line.curve(), i == null ? null : i.better(), l, texts),
              line.weight(),
              line.points(),
              null));
    }
    String detail =
        r.rank() == null
            ? t(l, "score.totalNone", fmt(score.weightCounted()), fmt(score.weightSum()))
            : t(
                l,
                "score.totalOf",
                fmt(score.weightCounted()),
                fmt(score.weightSum()),
                r.rank(),
                r.units());
    rows.add(
        row(
            t(l, "score.total"),
            detail,
            null,
            null,
            null,
            null,
            score.weightCounted(),
            score.total(),
            rank(r.rank())));
    if (r.comments().isEmpty()) {
      rows.add(row(t(l, "score.comment"), t(l, "score.noComment")));
    }
    for (Comment cm : r.comments()) {
      rows.add(
          row(
              t(l, "score.comment"),
              t(l, "score.commentBy", cm.text(), cm.name(), SummarySection.TIME.format(cm.at()))));
    }
  }

  private static Double rank(Integer rank) {
    return rank == null ? null : rank.doubleValue();
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** A row of the block's width: the given cells, then blanks. */
  private static List<Object> row(Object... cells) {
    List<Object> row = new ArrayList<>(Arrays.asList(cells));
    while (row.size() < COLUMNS) {
      row.add(null);
    }
    return row;
  }

  private String t(Locale l, String key, Object... args) {
    return texts.text(l, "assessment.report." + key, args);
  }
}
