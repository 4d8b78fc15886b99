package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.shared.calendar.PublicHolidays;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state machine alone: every path, every guard, deadlines on the real holiday calendar. */
class SafetyCaseTest {

  private static final WorkingCalendar CAL = WorkingCalendar.of(PublicHolidays.shipped());
  private static final DeadlineRules RULES =
      (type, stage) ->
          switch (stage) {
            case RECTIFY -> type == CaseType.MAJOR_HAZARD ? 60 : 5;
            case REINSPECT -> 3;
            default -> 1;
          };

  private static Instant at(String beijing) {
    return LocalDateTime.parse(beijing).atZone(WorkingCalendar.CHINA).toInstant();
  }

  private static SafetyCase newCase(CaseType type, String when) {
    return SafetyCase.reported(type, CaseSource.OFFICER_INSPECTION, at(when), CAL, RULES);
  }

  @Test
  void aGeneralHazardGoesRoundTheWholeLoopWithAReturnAndAReworkOnTheWay() {
    SafetyCase c = newCase(CaseType.GENERAL_HAZARD, "2026-09-29T09:00");
    assertThat(c.status()).isEqualTo(CaseStatus.REPORTED);
    assertThat(c.stage()).isEqualTo(Stage.REGISTER);
    // registration due by the end of the next working day: Wednesday 30 September
    assertThat(c.stageDueAt()).isEqualTo(at("2026-10-01T00:00"));

    c.register(at("2026-09-29T10:00"), CAL, RULES);
    c.dispatch(HandlerType.DEPARTMENT, "120101-YJ", null, at("2026-09-29T11:00"), CAL, RULES);
    SafetyCase.Change back = c.returnCase("不是我们的职责", at("2026-09-29T15:00"), CAL, RULES);
    assertThat(back.to()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(c.wrongDispatchCount()).isEqualTo(1);
    assertThat(c.handlerCode()).isNull();

    // redispatched on Wednesday 30 September: 5 working days cross the National Day holiday
    // (1–7 October off, Saturday 10 October worked) → due at the end of Tuesday 13 October
    c.dispatch(HandlerType.STREET, "120101001", "属地处置", at("2026-09-30T09:00"), CAL, RULES);
    assertThat(c.dueAt()).isEqualTo(at("2026-10-14T00:00"));
    c.accept();
    c.evidence("整改照片");
    c.feedback("已整改", at("2026-10-09T10:00"), CAL, RULES);
    SafetyCase.Change rework =
        c.reinspect(
            false, "灭火器仍过期", Map.of("lon", 117.2, "lat", 39.1), at("2026-10-10T10:00"), CAL, RULES);
    assertThat(rework.action()).isEqualTo(CaseAction.REWORK);
    assertThat(c.status()).isEqualTo(CaseStatus.RECTIFYING);
    assertThat(c.reworkCount()).isEqualTo(1);
    assertThat(c.dueAt()).as("the 应结案 deadline stays").isEqualTo(at("2026-10-14T00:00"));

    c.feedback("已更换灭火器", at("2026-10-12T10:00"), CAL, RULES);
    c.reinspect(
        true, "复查合格", Map.of("lon", 117.2, "lat", 39.1), at("2026-10-13T09:00"), CAL, RULES);
    SafetyCase.Change closed = c.close("结案", at("2026-10-13T17:00"), CAL);
    assertThat(closed.to()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.closedOnTime).isTrue();
    assertThat(c.stage()).isNull();
  }

  @Test
  void everyActionIsRefusedFromEveryStatusItIsNotAllowedFrom() {
    for (CaseStatus status : CaseStatus.values()) {
      for (CaseAction action : EnumSet.complementOf(EnumSet.of(CaseAction.REPORT))) {
        if (action.allowedFrom(status)) {
          continue;
        }
        SafetyCase c = newCase(CaseType.ILLEGAL_OPERATION, "2026-11-23T09:00");
        c.status = status;
        assertThatThrownBy(() -> apply(c, action))
            .as("%s from %s", action, status)
            .isInstanceOf(TransitionNotAllowed.class);
        assertThat(c.status()).as("unchanged").isEqualTo(status);
      }
    }
  }

  private static void apply(SafetyCase c, CaseAction action) {
    Instant now = at("2026-11-24T09:00");
    switch (action) {
      case REGISTER -> c.register(now, CAL, RULES);
      case VOID -> c.voidCase("重复", now);
      case DISPATCH -> c.dispatch(HandlerType.STREET, "120101001", null, now, CAL, RULES);
      case RETURN -> c.returnCase("不是我们的", now, CAL, RULES);
      case ACCEPT -> c.accept();
      case EVIDENCE -> c.evidence("x");
      case PLAN -> c.plan(Map.of());
      case FEEDBACK -> c.feedback("x", now, CAL, RULES);
      case REINSPECT_PASS -> c.reinspect(true, "ok", null, now, CAL, RULES);
      case REWORK -> c.reinspect(false, "no", null, now, CAL, RULES);
      case ACCEPTANCE -> c.acceptance("ok", "x", now);
      case CLOSE -> c.close("ok", now, CAL);
      case REQUEST_EXTENSION -> c.requestExtension(3, "x");
      case APPROVE_EXTENSION -> c.decideExtension(true, "x", CAL);
      case REFUSE_EXTENSION -> c.decideExtension(false, "x", CAL);
      case SUPERVISE -> c.supervise("DISTRICT", 5, "x", now, CAL);
      case STOP_ORDER -> c.stopOrder("x", now);
      case PENALTY -> c.penalty("x");
      case ESCALATE -> c.escalate("DISTRICT", 3);
      case REPORT -> throw new IllegalArgumentException();
    }
  }

  @Test
  void aMajorHazardNeedsItsPlanDistrictSupervisionAndAcceptanceBeforeClosing() {
    SafetyCase c = newCase(CaseType.MAJOR_HAZARD, "2026-11-02T09:00");
    c.register(at("2026-11-02T10:00"), CAL, RULES);
    c.dispatch(HandlerType.DEPARTMENT, "120101-YJ", null, at("2026-11-02T11:00"), CAL, RULES);
    c.accept();
    assertThatThrownBy(() -> c.feedback("done", at("2026-11-03T10:00"), CAL, RULES))
        .isInstanceOf(TransitionNotAllowed.class)
        .extracting(e -> ((TransitionNotAllowed) e).rule())
        .isEqualTo("casework.rule.planRequired");

    Map<String, Object> plan = new HashMap<>();
    plan.put("goals", "消除粉尘爆炸风险");
    plan.put("measures", "安装除尘系统");
    assertThatThrownBy(() -> c.plan(plan))
        .isInstanceOf(CaseRejected.class)
        .hasMessageContaining("funds")
        .hasMessageContaining("emergencyPlan");
    plan.putAll(
        Map.of(
            "funds", "50万元",
            "people", "张三",
            "deadline", "2026-12-31",
            "safetyMeasures", "停产整改",
            "emergencyPlan", "粉尘爆炸应急预案"));
    c.plan(plan);
    c.feedback("完成整改", at("2026-11-20T10:00"), CAL, RULES);
    c.reinspect(true, "复查合格", null, at("2026-11-23T10:00"), CAL, RULES);

    assertThatThrownBy(() -> c.close("结案", at("2026-11-23T11:00"), CAL))
        .extracting(e -> ((TransitionNotAllowed) e).rule())
        .isEqualTo("casework.rule.majorNeedsSupervision");
    c.supervise("DISTRICT", 20, "挂牌督办", at("2026-11-23T11:00"), CAL);
    assertThatThrownBy(() -> c.close("结案", at("2026-11-23T11:00"), CAL))
        .extracting(e -> ((TransitionNotAllowed) e).rule())
        .isEqualTo("casework.rule.majorNeedsAcceptance");
    c.acceptance("验收合格", "heping.admin", at("2026-11-24T10:00"));
    c.close("结案", at("2026-11-24T11:00"), CAL);
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void anExtensionAddsWorkingDaysToTheDeadlineAcrossAHoliday() {
    SafetyCase c = newCase(CaseType.GENERAL_HAZARD, "2026-09-21T09:00");
    c.register(at("2026-09-21T10:00"), CAL, RULES);
    c.dispatch(HandlerType.STREET, "120101001", null, at("2026-09-22T09:00"), CAL, RULES);
    // 5 working days after Tuesday 22 September: 23, 24, 25 (Friday) are… 25 is 中秋 → 23, 24, 28,
    // 29, 30 → end of Wednesday 30 September
    assertThat(c.dueAt()).isEqualTo(at("2026-10-01T00:00"));
    c.requestExtension(3, "设备到货延迟");
    assertThatThrownBy(() -> c.requestExtension(2, "again"))
        .extracting(e -> ((TransitionNotAllowed) e).rule())
        .isEqualTo("casework.rule.extensionPending");
    c.decideExtension(true, "同意", CAL);
    // three more working days after 30 September: 8, 9, 10 (Saturday, worked) October
    assertThat(c.dueAt()).isEqualTo(at("2026-10-11T00:00"));
    assertThat(c.extensionCount()).isEqualTo(1);
    assertThatThrownBy(() -> c.decideExtension(false, "no", CAL))
        .extracting(e -> ((TransitionNotAllowed) e).rule())
        .isEqualTo("casework.rule.noExtensionPending");
  }

  @Test
  void closingLateIsRecordedAsNotOnTime() {
    SafetyCase c = newCase(CaseType.GENERAL_HAZARD, "2026-11-02T09:00");
    c.register(at("2026-11-02T09:30"), CAL, RULES);
    c.dispatch(HandlerType.STREET, "120101001", null, at("2026-11-02T10:00"), CAL, RULES);
    c.accept();
    c.feedback("done", at("2026-11-12T10:00"), CAL, RULES);
    c.reinspect(true, "ok", null, at("2026-11-13T10:00"), CAL, RULES);
    c.close("结案", at("2026-11-13T11:00"), CAL);
    assertThat(c.closedOnTime).isFalse();
  }

  @Test
  void reasonsAreRequiredWhereTheLoopNeedsThem() {
    SafetyCase c = newCase(CaseType.GENERAL_HAZARD, "2026-11-02T09:00");
    assertThatThrownBy(() -> c.voidCase(" ", at("2026-11-02T10:00")))
        .isInstanceOf(CaseRejected.class)
        .extracting(e -> ((CaseRejected) e).field())
        .isEqualTo("reason");
    assertThat(c.status()).isEqualTo(CaseStatus.REPORTED);
  }
}
