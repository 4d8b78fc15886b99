package cn.anwang.casework.cases;

import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import cn.anwang.workforce.OfficerDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases for the current user: reporting (idempotent with a client key), reading, and every action
 * of the loop. Each action loads the case, checks who may do it ({@link CasePolicy}), lets the
 * aggregate change ({@link SafetyCase}), writes it only if nobody changed it meanwhile (optimistic
 * version: the loser gets 409), appends the timeline line and audits it — all in one transaction.
 */
@Service
@Transactional
class CaseService {

  /** A case and whether this call created it (false: an idempotent replay). */
  record Reported(SafetyCase safetyCase, boolean created) {}

  private final CaseRepository cases;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final HolidayCalendar calendar;
  private final DeadlineRules rules;
  private final SupervisedObjects objects;
  private final GridLocator locator;
  private final OfficerDirectory officers;
  private final Departments departments;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final EnterpriseAccess enterprises;

  CaseService(
      CaseRepository cases,
      CurrentActor currentActor,
      AuditLog audit,
      HolidayCalendar calendar,
      DeadlineRules rules,
      SupervisedObjects objects,
      GridLocator locator,
      OfficerDirectory officers,
      Departments departments,
      Optional<Clock> clock,
      ApplicationEventPublisher events,
      EnterpriseAccess enterprises) {
    this.enterprises = enterprises;
    this.events = events;
    this.departments = departments;
    this.cases = cases;
    this.currentActor = currentActor;
    this.audit = audit;
    this.calendar = calendar;
    this.rules = rules;
    this.objects = objects;
    this.locator = locator;
    this.officers = officers;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  // ------------------------------------------------------------------ report

  Reported report(CaseCommands.Report cmd, String idempotencyKey) {
    Actor actor = currentActor.require();
    if (actor.role() == cn.anwang.identity.Role.AUDITOR
        || actor.role() == cn.anwang.identity.Role.ENTERPRISE_USER) {
      throw ApiProblems.forbidden("Auditors and enterprise users do not report cases");
    }
    if (idempotencyKey != null) {
      // requests with the same key wait for each other here, so the second one finds the case
      // the first committed (an insert that hit the unique index would abort this transaction)
      cases.lockIdempotencyKey(actor.userId(), idempotencyKey);
      Optional<SafetyCase> existing = cases.findByIdempotencyKey(actor.userId(), idempotencyKey);
      if (existing.isPresent()) {
        return new Reported(existing.get(), false);
      }
    }
    validate(cmd);
    Instant now = clock.instant();
    WorkingCalendar cal = calendar.current();
    SafetyCase c = SafetyCase.reported(cmd.type(), cmd.source(), now, cal, rules);
    place(c, cmd, actor);
    c.title = cmd.title().strip();
    c.description = cmd.description().strip();
    c.reporterUserId = actor.userId();
    c.reporterName = actor.displayName();
    c.idempotencyKey = idempotencyKey;
    c.number = cases.nextNumber(c.districtCode, now.atZone(WorkingCalendar.CHINA).getYear());
    c.id = cases.insert(c);
    SafetyCase.Change change =
        new SafetyCase.Change(
            CaseAction.REPORT,
            null,
            CaseStatus.REPORTED,
            null,
            Map.of("type", c.type.name(), "source", c.source.name()));
    long eventId =
        cases.insertEvent(c, now, actor.userId(), actor.displayName(), actor.role().name(), change);
    events.publishEvent(CaseTransitioned.of(eventId, c, change, now));
    audit.record(
        "case.report",
        "case",
        c.number,
        c.divisionCode,
        null,
        Map.of("type", c.type.name(), "source", c.source.name(), "title", c.title));
    return new Reported(c, true);
  }

  private static void validate(CaseCommands.Report cmd) {
    if (cmd.type() == null) {
      throw new CaseRejected("type", "casework.rule.required", null);
    }
    if (cmd.source() == null) {
      throw new CaseRejected("source", "casework.rule.required", null);
    }
    if (cmd.title() == null || cmd.title().isBlank()) {
      throw new CaseRejected("title", "casework.rule.required", null);
    }
    if (cmd.title().strip().length() > 200) {
      throw new CaseRejected("title", "casework.rule.tooLong", "200");
    }
    if (cmd.description() == null || cmd.description().isBlank()) {
      throw new CaseRejected("description", "casework.rule.required", null);
    }
    if (cmd.description().length() > 10_000) {
      throw new CaseRejected("description", "casework.rule.tooLong", "10000");
    }
    if (cmd.address() != null && cmd.address().length() > 300) {
      throw new CaseRejected("address", "casework.rule.tooLong", "300");
    }
    if ((cmd.lon() == null) != (cmd.lat() == null)) {
      throw new CaseRejected("lon", "casework.rule.pointIncomplete", null);
    }
  }

  /** Sets the case's place from its object or its point, inside the actor's territory. */
  private void place(SafetyCase c, CaseCommands.Report cmd, Actor actor) {
    if (cmd.objectId() != null) {
      ObjectRef o =
          objects
              .find(cmd.objectId())
              .filter(ref -> actor.covers(ref.divisionCode()))
              .orElseThrow(
                  () ->
                      new CaseRejected(
                          "objectId", "casework.rule.objectUnknown", cmd.objectId().toString()));
      c.objectId = o.id();
      c.districtCode = o.districtCode();
      c.streetCode = o.streetCode();
      c.villageCode = o.villageCode();
      c.divisionCode = o.divisionCode();
      c.gridCode = o.gridCode();
      c.address = cmd.address() != null ? cmd.address().strip() : o.address();
      c.lon = cmd.lon() != null ? cmd.lon() : o.lon();
      c.lat = cmd.lat() != null ? cmd.lat() : o.lat();
      return;
    }
    if (cmd.lon() == null) {
      throw new CaseRejected("lon", "casework.rule.placeRequired", null);
    }
    Location l =
        locator
            .locate(cmd.lon(), cmd.lat())
            .orElseThrow(() -> new CaseRejected("lon", "casework.rule.outsideGrids", null));
    if (!CasePolicy.mayReport(actor, l.divisionCode())) {
      throw new CaseRejected("lon", "casework.rule.outsideTerritory", null);
    }
    c.districtCode = l.district().code();
    c.streetCode = l.street().code();
    c.villageCode = l.village() == null ? null : l.village().code();
    c.divisionCode = l.divisionCode();
    c.gridCode = l.grid().code();
    c.address = cmd.address() == null ? null : cmd.address().strip();
    c.lon = cmd.lon();
    c.lat = cmd.lat();
  }

  // ------------------------------------------------------------------ read

  @Transactional(readOnly = true)
  SafetyCase get(long id) {
    Actor actor = currentActor.require();
    return cases
        .find(id)
        .filter(c -> enterprises.sees(actor, c))
        .orElseThrow(() -> ApiProblems.notFound("Case", Long.toString(id)));
  }

  /**
   * The timeline of a case the caller has just read or acted on (no second scope check: after a
   * return, the department that returned it no longer sees the case, yet gets its answer).
   */
  @Transactional(readOnly = true)
  List<CaseEvent> timelineOf(SafetyCase c) {
    return cases.events(c.id);
  }

  /**
   * Where a dispatcher would send the case by default: the object's responsible department (the
   * district's own before the city's), else the street of the case's place.
   */
  @Transactional(readOnly = true)
  Map<String, String> suggestedHandler(SafetyCase c) {
    if (c.objectId != null) {
      Optional<String> department =
          objects.find(c.objectId).stream()
              .flatMap(o -> o.departmentCodes().stream())
              .min(
                  (a, b) -> {
                    boolean da = a.startsWith(c.districtCode);
                    boolean db = b.startsWith(c.districtCode);
                    return da == db ? a.compareTo(b) : da ? -1 : 1;
                  });
      if (department.isPresent()) {
        return Map.of(
            "handlerType", HandlerType.DEPARTMENT.name(), "handlerCode", department.get());
      }
    }
    if (c.streetCode != null) {
      return Map.of("handlerType", HandlerType.STREET.name(), "handlerCode", c.streetCode);
    }
    return Map.of();
  }

  // ------------------------------------------------------------------ actions

  SafetyCase act(long id, CaseAction action, CaseCommands.Act cmd) {
    Actor actor = currentActor.require();
    SafetyCase c = get(id);
    if (cmd.version() != null && cmd.version() != c.version) {
      throw new CaseConflict(c.version);
    }
    // the status first: an action the loop does not allow now is a 409 for anyone who sees the case
    if (action != CaseAction.REPORT && !action.allowedFrom(c.status)) {
      throw new TransitionNotAllowed(action, c.status, null);
    }
    Instant now = clock.instant();
    WorkingCalendar cal = calendar.current();
    SafetyCase.Change change =
        switch (action) {
          case REGISTER -> {
            allow(CasePolicy.dispatches(actor, c), action);
            yield c.register(now, cal, rules);
          }
          case VOID -> {
            allow(CasePolicy.dispatches(actor, c), action);
            yield c.voidCase(cmd.reason(), now);
          }
          case DISPATCH -> {
            allow(CasePolicy.dispatches(actor, c), action);
            HandlerType type = cmd.handlerType();
            String code = cmd.handlerCode();
            if (type == null) {
              Map<String, String> suggested = suggestedHandler(c);
              if (suggested.isEmpty()) {
                throw new CaseRejected("handlerType", "casework.rule.required", null);
              }
              type = HandlerType.valueOf(suggested.get("handlerType"));
              code = suggested.get("handlerCode");
            }
            checkHandler(c, type, code);
            yield c.dispatch(type, code, cmd.reason(), now, cal, rules);
          }
          case RETURN -> {
            allow(enterprises.handlesAny(actor, c), action);
            yield c.returnCase(cmd.reason(), now, cal, rules);
          }
          case ACCEPT -> {
            allow(enterprises.handlesAny(actor, c), action);
            yield c.accept();
          }
          case EVIDENCE -> {
            allow(enterprises.handlesAny(actor, c) || enterprises.addsEvidence(actor, c), action);
            yield c.evidence(cmd.reason());
          }
          case PLAN -> {
            allow(enterprises.handlesAny(actor, c), action);
            yield c.plan(cmd.plan());
          }
          case FEEDBACK -> {
            allow(enterprises.handlesAny(actor, c), action);
            yield c.feedback(cmd.reason(), now, cal, rules);
          }
          case REINSPECT_PASS, REWORK -> {
            allow(CasePolicy.reinspects(actor, c), action);
            if (cmd.lon() == null || cmd.lat() == null) {
              throw new CaseRejected("lon", "casework.rule.positionRequired", null);
            }
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("lon", cmd.lon());
            position.put("lat", cmd.lat());
            yield c.reinspect(
                action == CaseAction.REINSPECT_PASS, cmd.reason(), position, now, cal, rules);
          }
          case ACCEPTANCE -> {
            allow(CasePolicy.closes(actor, c), action);
            yield c.acceptance(cmd.reason(), actor.username(), now);
          }
          case CLOSE -> {
            allow(CasePolicy.closes(actor, c), action);
            yield c.close(cmd.reason(), now, cal);
          }
          case REQUEST_EXTENSION -> {
            allow(enterprises.handlesAny(actor, c), action);
            yield c.requestExtension(cmd.days() == null ? 0 : cmd.days(), cmd.reason());
          }
          case APPROVE_EXTENSION, REFUSE_EXTENSION -> {
            allow(CasePolicy.dispatches(actor, c), action);
            yield c.decideExtension(action == CaseAction.APPROVE_EXTENSION, cmd.reason(), cal);
          }
          case SUPERVISE -> {
            String level = CasePolicy.supervisionLevel(actor, c);
            allow(level != null, action);
            int days = cmd.days() == null ? rules.workingDays(c.type, Stage.RECTIFY) : cmd.days();
            if (days < 1 || days > 365) {
              throw new CaseRejected("days", "casework.rule.extensionDays", "1–365");
            }
            yield c.supervise(level, days, cmd.reason(), now, cal);
          }
          case STOP_ORDER -> {
            allow(CasePolicy.ordersStop(actor, c), action);
            yield c.stopOrder(cmd.reason(), now);
          }
          case PENALTY -> {
            boolean enforcer =
                officers
                    .byUser(actor.userId())
                    .filter(o -> o.enforcementPower() && "ACTIVE".equals(o.status()))
                    .isPresent();
            if (!enforcer && !CasePolicy.handles(actor, c)) {
              throw new TransitionNotAllowed(action, c.status, "casework.rule.noEnforcementPower");
            }
            yield c.penalty(cmd.reason());
          }
          case REPORT -> throw new IllegalArgumentException("REPORT is not an action on a case");
          case ESCALATE ->
              throw ApiProblems.forbidden("Escalation is the reminder scheduler's, not a user's");
        };
    if (!cases.update(c)) {
      throw new CaseConflict(c.version);
    }
    long eventId =
        cases.insertEvent(c, now, actor.userId(), actor.displayName(), actor.role().name(), change);
    events.publishEvent(CaseTransitioned.of(eventId, c, change, now));
    Map<String, Object> after = new LinkedHashMap<>(change.data());
    after.put("status", c.status.name());
    if (change.reason() != null) {
      after.put("reason", change.reason());
    }
    audit.record(
        "case." + action.name().toLowerCase(java.util.Locale.ROOT),
        "case",
        c.number,
        c.divisionCode,
        Map.of("status", change.from().name()),
        after);
    return c;
  }

  private static void allow(boolean allowed, CaseAction action) {
    if (!allowed) {
      throw ApiProblems.forbidden("You may not " + action.name().toLowerCase() + " this case");
    }
  }

  /**
   * A street handler must be the case's street; a department must be active and the case's
   * district's own or a city-level one; an enterprise must be the case's object.
   */
  private void checkHandler(SafetyCase c, HandlerType type, String code) {
    if (code == null || code.isBlank()) {
      throw new CaseRejected("handlerCode", "casework.rule.required", null);
    }
    switch (type) {
      case STREET -> {
        if (!code.equals(c.streetCode)) {
          throw new CaseRejected("handlerCode", "casework.rule.handlerStreet", c.streetCode);
        }
      }
      case DEPARTMENT -> {
        boolean fits =
            departments
                .find(code)
                .filter(Department::active)
                .filter(d -> d.cityLevel() || d.districtCode().equals(c.districtCode))
                .isPresent();
        if (!fits) {
          throw new CaseRejected("handlerCode", "casework.rule.handlerDepartment", code);
        }
      }
      case ENTERPRISE -> {
        if (c.objectId == null || !code.equals(c.objectId.toString())) {
          throw new CaseRejected("handlerCode", "casework.rule.handlerEnterprise", null);
        }
      }
    }
  }
}
