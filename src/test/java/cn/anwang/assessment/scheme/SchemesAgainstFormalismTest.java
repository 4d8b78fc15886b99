package cn.anwang.assessment.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.Level;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.ObjectMapper;

/**
 * Against formalism in the schemes: the rules refuse an item counting log-ins, check-ins or a quota
 * even if the catalogue had one, and no item of any scheme or score sheet in the database
 * (including one saved here) uses an indicator whose code or facts are forbidden.
 */
@IntegrationTest
class SchemesAgainstFormalismTest {

  @Autowired SchemeTexts texts;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void theRulesRefuseAnItemCountingPresenceOrAQuota() {
    for (Indicator formal :
        List.of(
            fake("officer.loginDays", List.of("app_user.last_login_at"), Level.GRID),
            fake("officer.presence", List.of("officer_checkin.at"), Level.GRID),
            fake("grid.eventQuota", List.of("safety_case.registered_at"), Level.GRID))) {
      List<SchemeItem> items = List.of(new SchemeItem(formal.code(), 10.0, Curve.linear(0, 100)));
      assertThatThrownBy(() -> SchemeRules.check(items, Level.STREET, c -> formal, texts))
          .as(formal.code())
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> {
                assertThat(e.getStatusCode().value()).isEqualTo(422);
                assertThat(e.getBody().getDetail())
                    .startsWith("items[0].code")
                    .contains(formal.code());
              });
    }
    // and one computed only per district cannot score streets
    Indicator coarse = fake("district.only", List.of("safety_case.closed_at"), Level.DISTRICT);
    assertThatThrownBy(
            () ->
                SchemeRules.check(
                    List.of(new SchemeItem("district.only", 10.0, Curve.linear(0, 100))),
                    Level.STREET,
                    c -> coarse,
                    texts))
        .isInstanceOf(ErrorResponseException.class);
    SchemeRules.check(
        List.of(new SchemeItem("district.only", 10.0, Curve.linear(0, 100))),
        Level.DISTRICT,
        c -> coarse,
        texts);
  }

  @Test
  void noSavedSchemeOrSheetItemUsesAForbiddenIndicator() throws Exception {
    String body =
        """
        {"name": "形式主义检查", "year": 2024, "level": "STREET",
         "items": [{"code": "case.closeRate", "weight": 50,
                    "curve": {"kind": "LINEAR", "floor": 50, "target": 100}}]}
        """;
    String answer =
        mvc.perform(
                post("/api/v1/assessment-schemes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(user(users.loadUserByUsername("heping.admin"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = json.readTree(answer).path("id").asLong();
    try {
      List<String> codes =
          jdbc.sql(
                  """
                  SELECT i->>'code' FROM assessment_scheme s, jsonb_array_elements(s.items) i
                  UNION ALL
                  SELECT l->>'code' FROM assessment_sheet h, jsonb_array_elements(h.score->'lines') l
                  UNION ALL
                  SELECT l->>'code' FROM assessment_sheet_event e,
                         jsonb_array_elements(e.score->'lines') l WHERE e.score IS NOT NULL
                  """)
              .query(String.class)
              .list();
      assertThat(codes).contains("case.closeRate");
      for (String code : codes) {
        String lower = code.toLowerCase(Locale.ROOT);
        assertThat(IndicatorCatalogue.FORBIDDEN_FACTS).noneMatch(lower::contains);
        Indicator indicator = catalogue.find(code).orElseThrow();
        assertThat(IndicatorCatalogue.formalism(indicator)).as(code).isNull();
        assertThat(indicator.better()).as(code).isNotEqualTo(Direction.NEUTRAL);
      }
    } finally {
      jdbc.sql("DELETE FROM assessment_scheme WHERE id = ?").param(id).update();
    }
  }

  private static Indicator fake(String code, List<String> facts, Level finest) {
    return new Indicator(code, Unit.PERCENT, Direction.HIGHER, finest, false, facts);
  }
}
