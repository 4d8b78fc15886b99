package cn.anwang.assessment.web;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.scheme.Curve;
import cn.anwang.assessment.scheme.Scheme;
import cn.anwang.assessment.scheme.SchemeAccess;
import cn.anwang.assessment.scheme.SchemeItem;
import cn.anwang.assessment.scheme.ScoreSheets.Sheet;
import cn.anwang.assessment.scheme.SheetScore;
import cn.anwang.identity.Actor;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Schemes and sheets as the API and the pages show them: indicator names in the reader's language,
 * and per sheet line the links to the records behind its numerator and denominator.
 */
@Component
class SchemeViews {

  record ItemView(String code, String name, String better, double weight, Curve curve) {}

  record SchemeView(
      long id,
      String name,
      int year,
      String level,
      String owner,
      String status,
      double weightSum,
      List<ItemView> items,
      String createdBy,
      Instant createdAt,
      String publishedBy,
      Instant publishedAt,
      boolean mayEdit) {}

  /** The records of a figure's numerator and denominator. */
  record Links(String numerator, String denominator) {}

  record LineView(
      String code,
      String name,
      String unit,
      double weight,
      Curve curve,
      Figure figure,
      Double fraction,
      Double points,
      boolean counted,
      Links records,
      Links pages) {}

  record SheetView(
      SchemeView scheme,
      String unit,
      String unitName,
      String status,
      Double total,
      double weightSum,
      double weightCounted,
      double earned,
      List<LineView> lines,
      String signedBy,
      Instant signedAt,
      List<?> history,
      boolean mayAssess) {}

  private final IndicatorCatalogue catalogue;
  private final IndicatorTexts texts;

  SchemeViews(IndicatorCatalogue catalogue, IndicatorTexts texts) {
    this.catalogue = catalogue;
    this.texts = texts;
  }

  SchemeView scheme(Scheme s, Actor actor) {
    List<ItemView> items =
        s.items().stream()
            .map(i -> new ItemView(i.code(), name(i.code()), better(i), i.weight(), i.curve()))
            .toList();
    return new SchemeView(
        s.id(),
        s.name(),
        s.year(),
        s.level().name(),
        s.owner(),
        s.status().name(),
        s.weightSum(),
        items,
        s.createdBy(),
        s.createdAt(),
        s.publishedBy(),
        s.publishedAt(),
        s.status() == Scheme.Status.DRAFT && SchemeAccess.assesses(actor, s));
  }

  SheetView sheet(Sheet sheet, Actor actor) {
    Scheme s = sheet.scheme();
    SheetScore score = sheet.score();
    List<LineView> lines =
        score.lines().stream()
            .map(
                l ->
                    new LineView(
                        l.code(),
                        name(l.code()),
                        catalogue.find(l.code()).map(i -> i.unit().name()).orElse(null),
                        l.weight(),
                        l.curve(),
                        l.figure(),
                        l.fraction(),
                        l.points(),
                        l.counted(),
                        links("/api/v1/indicators/", s, sheet.unit(), l.code()),
                        links("/assessment/indicators/", s, sheet.unit(), l.code())))
            .toList();
    return new SheetView(
        scheme(s, actor),
        sheet.unit(),
        sheet.unitName(),
        sheet.status(),
        score.total(),
        score.weightSum(),
        score.weightCounted(),
        score.earned(),
        lines,
        sheet.signedBy(),
        sheet.signedAt(),
        sheet.history(),
        sheet.mayAssess() && !"LOCKED".equals(sheet.status()));
  }

  private static Links links(String base, Scheme s, String unit, String code) {
    return new Links(
        link(base, s, unit, code, "numerator"), link(base, s, unit, code, "denominator"));
  }

  private static String link(String base, Scheme s, String unit, String code, String part) {
    return UriComponentsBuilder.fromPath(base + code + "/records")
        .queryParam("division", s.owner())
        .queryParam("unit", unit)
        .queryParam("part", part)
        .queryParam("year", s.year())
        .build()
        .toUriString();
  }

  private String name(String code) {
    return catalogue.find(code).map(i -> texts.view(i).name()).orElse(code);
  }

  private String better(SchemeItem i) {
    return catalogue.find(i.code()).map(x -> x.better().name()).orElse(null);
  }
}
