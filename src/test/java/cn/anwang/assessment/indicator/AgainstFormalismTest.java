package cn.anwang.assessment.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.IntegrationTest;
import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Against formalism (指尖上的形式主义): no indicator of the live catalogue counts online time, log-ins,
 * sessions, check-ins or a quota of events, none reads the audit log or the sessions, a figure of
 * how many hazards were found is never scored, and a catalogue with such an indicator refuses to
 * start. Every indicator is explained in both languages.
 */
@IntegrationTest
class AgainstFormalismTest {

  @Autowired IndicatorCatalogue catalogue;
  @Autowired MessageSource messages;

  @Test
  void noIndicatorOfTheCatalogueCountsPresenceOrQuotas() {
    assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(11);
    for (Indicator i : catalogue.all()) {
      assertThat(IndicatorCatalogue.formalism(i)).as(i.code()).isNull();
      assertThat(i.facts()).as(i.code()).isNotEmpty();
      for (String fact : i.facts()) {
        assertThat(fact).as(i.code()).doesNotStartWith("app_user").doesNotStartWith("audit_event");
      }
    }
    // how many hazards were found informs; it is never a target a unit is scored on
    assertThat(catalogue.find(CaseIndicatorSource.HAZARDS_PER_HUNDRED).orElseThrow().better())
        .isEqualTo(Direction.NEUTRAL);
  }

  @Test
  void aCatalogueWithALogInCountRefusesToStart() {
    IndicatorSource logins =
        new IndicatorSource() {
          @Override
          public List<Indicator> indicators() {
            return List.of(
                new Indicator(
                    "officer.loginDays",
                    Unit.PERCENT,
                    Direction.HIGHER,
                    Level.GRID,
                    false,
                    List.of("app_user.last_login_at")));
          }

          @Override
          public Map<String, Map<String, Figure>> compute(Slice slice) {
            return Map.of();
          }

          @Override
          public List<Evidence> evidence(
              String code, Slice slice, String unit, String part, int limit) {
            return List.of();
          }
        };
    assertThatThrownBy(() -> new IndicatorCatalogue(List.of(logins)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("officer.loginDays");
    Indicator quota =
        new Indicator(
            "grid.eventQuota",
            Unit.PERCENT,
            Direction.HIGHER,
            Level.GRID,
            false,
            List.of("safety_case.registered_at"));
    assertThat(IndicatorCatalogue.formalism(quota)).isEqualTo("quota");
    Indicator checkIns =
        new Indicator(
            "officer.presence",
            Unit.PERCENT,
            Direction.HIGHER,
            Level.GRID,
            false,
            List.of("officer_checkin.at"));
    assertThat(IndicatorCatalogue.formalism(checkIns)).isEqualTo("officer_checkin.at");
  }

  @Test
  void everyIndicatorIsExplainedInChineseAndEnglish() {
    for (Indicator i : catalogue.all()) {
      for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        for (String part : List.of("name", "definition", "numerator", "denominator")) {
          String key = "assessment.indicator." + i.code() + "." + part;
          assertThat(messages.getMessage(key, null, null, locale)).as(key).isNotBlank();
        }
      }
    }
    assertThat(
            messages.getMessage("assessment.indicator.case.closeRate.name", null, Locale.ENGLISH))
        .isEqualTo("Close rate");
    assertThat(
            messages.getMessage(
                "assessment.indicator.case.closeRate.name", null, Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("结案率");
  }
}
