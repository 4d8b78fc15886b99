package cn.anwang.org.responsibility;

import static cn.anwang.org.responsibility.Fixtures.HEPING;
import static cn.anwang.org.responsibility.Fixtures.XIQING;
import static cn.anwang.org.responsibility.Fixtures.department;
import static cn.anwang.org.responsibility.Fixtures.object;
import static cn.anwang.org.responsibility.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.org.ObjectProfiles;
import cn.anwang.org.ObjectProfiles.ProfiledObject;
import cn.anwang.org.responsibility.OrgCommands.ChangeKind;
import cn.anwang.org.responsibility.OrgCommands.ProposedChange;
import cn.anwang.org.responsibility.OrgCommands.RuleDraft;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

/**
 * The preview as the service runs it, with an in-memory registry behind the {@link ObjectProfiles}
 * port instead of a bean in the shared test context: which objects it asks for, what it reports,
 * and that it writes nothing.
 */
class RuleServicePreviewTest {

  final RuleRepository rules = mock(RuleRepository.class);
  final DepartmentRepository departments = mock(DepartmentRepository.class);
  final Divisions divisions = mock(Divisions.class);
  final CurrentActor currentActor = mock(CurrentActor.class);
  final AuditLog audit = mock(AuditLog.class);
  final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

  @SuppressWarnings("unchecked")
  final ObjectProvider<ObjectProfiles> provider = mock(ObjectProvider.class);

  final List<String> askedFor = new ArrayList<>();
  final ObjectProfiles registry =
      territory -> {
        askedFor.add(territory);
        return Stream.of(
                new ProfiledObject(
                    "h-1",
                    object(HEPING, ObjectKind.ENTERPRISE, "6210", HazardFeature.GAS_USE),
                    Set.of()),
                new ProfiledObject("h-2", object(HEPING, ObjectKind.SMALL_SHOP, "5211"), Set.of()),
                new ProfiledObject(
                    "x-1",
                    object(XIQING, ObjectKind.ENTERPRISE, "6210", HazardFeature.GAS_USE),
                    Set.of()))
            .filter(o -> o.districtCode().startsWith(territory));
      };

  final ResponsibilityRule gas =
      rule(7, null, 60, List.of(), Set.of(HazardFeature.GAS_USE), Set.of(), "CG");

  RuleService service;

  @BeforeEach
  void setUp() {
    service = new RuleService(rules, departments, divisions, currentActor, audit, events, provider);
    when(rules.all()).thenReturn(List.of(gas));
    when(rules.find(7L)).thenReturn(Optional.of(gas));
    var all =
        List.of(
            department(null, "YJ", true),
            department(null, "CG", false),
            department(HEPING, "YJ", true),
            department(HEPING, "CG", false),
            department(HEPING, "XF", false));
    when(departments.all()).thenReturn(all);
    when(departments.forDistrict(any()))
        .thenAnswer(
            call ->
                all.stream()
                    .filter(
                        d ->
                            d.districtCode() == null
                                || d.districtCode().equals(call.getArgument(0)))
                    .toList());
    when(divisions.find(HEPING))
        .thenReturn(
            Optional.of(new Division(HEPING, "和平区", DivisionLevel.DISTRICT, "12", true, false)));
    when(provider.getIfAvailable()).thenReturn(registry);
  }

  void actingAs(Role role, String territory) {
    when(currentActor.require())
        .thenReturn(new Actor(1, "u", "U", role, new Scope(territory, null)));
  }

  @Test
  void previewsADistrictRuleOverTheDistrictsObjectsOnly() {
    actingAs(Role.DISTRICT_ADMIN, HEPING);
    RulePreview.Result result =
        service.preview(
            new ProposedChange(
                ChangeKind.CREATE,
                null,
                new RuleDraft(HEPING, 5, List.of("62"), null, null, "XF", null, null)));
    assertThat(askedFor).containsExactly(HEPING);
    assertThat(result.registryAvailable()).isTrue();
    assertThat(result.objectsChecked()).isEqualTo(2);
    assertThat(result.objectsAffected()).isEqualTo(1);
    assertThat(result.departments())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.departmentCode()).isEqualTo("120101-XF");
              assertThat(c.gained()).isEqualTo(1);
              assertThat(c.sampleGained()).containsExactly("h-1");
            });
    verify(rules, never()).insert(any());
    verify(rules, never()).update(any(), org.mockito.ArgumentMatchers.anyInt());
    verify(events, never()).publishEvent(any(Object.class));
  }

  @Test
  void previewsDeactivatingACityRuleOverTheWholeCityForTheCityAdministrator() {
    actingAs(Role.CITY_ADMIN, "12");
    RulePreview.Result result =
        service.preview(new ProposedChange(ChangeKind.DEACTIVATE, 7L, null));
    assertThat(askedFor).containsExactly("12");
    assertThat(result.objectsChecked()).isEqualTo(3);
    assertThat(result.objectsAffected()).isEqualTo(2);
    assertThat(result.noRuleMatchedAfter()).isEqualTo(3);
    assertThat(result.departments())
        .extracting(RulePreview.DepartmentChange::departmentCode)
        .containsExactly("12-CG", "12-YJ", "120101-CG", "120101-YJ");
  }

  @Test
  void aDistrictAdministratorCannotPreviewChangingACityRule() {
    actingAs(Role.DISTRICT_ADMIN, HEPING);
    assertThatThrownBy(() -> service.preview(new ProposedChange(ChangeKind.DEACTIVATE, 7L, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(askedFor).isEmpty();
  }

  @Test
  void saysNoObjectsAreRegisteredWhenNoRegistryIsThere() {
    actingAs(Role.DISTRICT_ADMIN, HEPING);
    when(provider.getIfAvailable()).thenReturn(null);
    RulePreview.Result result =
        service.preview(
            new ProposedChange(
                ChangeKind.CREATE,
                null,
                new RuleDraft(HEPING, 5, List.of("62"), null, null, "XF", null, null)));
    assertThat(result.registryAvailable()).isFalse();
    assertThat(result.territoryCode()).isEqualTo(HEPING);
    verify(rules, never()).find(anyLong());
  }
}
