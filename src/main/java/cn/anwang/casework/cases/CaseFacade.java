package cn.anwang.casework.cases;

import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.workforce.OfficerDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the case pages, attachments and the administration need from the cases package: reporting,
 * reading with the timeline, acting (optionally linking uploaded attachments to the new timeline
 * line), the actions the current user may take now, and clearing the deadline rules' cache. Every
 * read is scoped like the API ({@link CasePolicy}).
 */
@Component
@Transactional
public class CaseFacade {

  /** Links attachments uploaded earlier to a timeline line; answers how many it linked. */
  public interface AttachmentLinker {
    int link(long caseId, long eventId, List<Long> attachmentIds);
  }

  /** A reported case and whether this call made it (false: replay of the same key). */
  public record Reported(CaseView view, boolean created) {}

  private final CaseService service;
  private final CaseRepository repository;
  private final CurrentActor currentActor;
  private final HolidayCalendar calendar;
  private final OfficerDirectory officers;
  private final TableDeadlineRules rules;
  private final AttachmentLinker linker;
  private final EnterpriseAccess enterprises;

  CaseFacade(
      CaseService service,
      CaseRepository repository,
      CurrentActor currentActor,
      HolidayCalendar calendar,
      OfficerDirectory officers,
      TableDeadlineRules rules,
      AttachmentLinker linker,
      EnterpriseAccess enterprises) {
    this.enterprises = enterprises;
    this.service = service;
    this.repository = repository;
    this.currentActor = currentActor;
    this.calendar = calendar;
    this.officers = officers;
    this.rules = rules;
    this.linker = linker;
  }

  public Reported report(CaseCommands.Report cmd, String idempotencyKey) {
    CaseService.Reported r = service.report(cmd, idempotencyKey);
    return new Reported(view(r.safetyCase()), r.created());
  }

  /** A case the caller sees, with its timeline (404 problem otherwise). */
  @Transactional(readOnly = true)
  public CaseView get(long id) {
    return view(service.get(id));
  }

  /** Acts on a case; the attachments named are linked to the new timeline line (422 if foreign). */
  public CaseView act(long id, CaseAction action, CaseCommands.Act cmd, List<Long> attachmentIds) {
    SafetyCase c = service.act(id, action, cmd);
    List<CaseEvent> timeline = service.timelineOf(c);
    if (attachmentIds != null && !attachmentIds.isEmpty()) {
      List<Long> distinct = attachmentIds.stream().distinct().toList();
      long eventId = timeline.get(timeline.size() - 1).id();
      if (linker.link(c.id, eventId, distinct) != distinct.size()) {
        throw new CaseRejected("attachmentIds", "casework.rule.attachmentForeign", null);
      }
    }
    return CaseView.of(c, calendar.current(), Instant.now(), suggested(c), timeline);
  }

  /** The timeline line the report made (the first), for attaching the report's photos. */
  @Transactional(readOnly = true)
  public long reportEventId(long caseId) {
    return repository.events(caseId).get(0).id();
  }

  /** Cases by id the caller sees (others are left out), in the order asked. */
  @Transactional(readOnly = true)
  public List<CaseView> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Actor actor = currentActor.require();
    Map<Long, SafetyCase> found = new java.util.HashMap<>();
    repository.select("SELECT * FROM safety_case WHERE id IN (:ids)", Map.of("ids", ids)).stream()
        .filter(c -> enterprises.sees(actor, c))
        .forEach(c -> found.put(c.id, c));
    Instant now = Instant.now();
    List<CaseView> out = new ArrayList<>();
    for (Long id : ids) {
      SafetyCase c = found.get(id);
      if (c != null) {
        out.add(CaseView.of(c, calendar.current(), now, Map.of(), List.of()));
      }
    }
    return out;
  }

  /**
   * The latest cases (up to {@code limit}) of the objects the current user acts for as an
   * enterprise user (empty for other roles).
   */
  @Transactional(readOnly = true)
  public List<CaseView> enterpriseCases(int limit) {
    java.util.Set<Long> linked = enterprises.objectsOf(currentActor.require());
    if (linked.isEmpty()) {
      return List.of();
    }
    List<Long> ids =
        repository
            .select(
                "SELECT * FROM safety_case WHERE object_id IN (:linked)"
                    + " ORDER BY reported_at DESC, id DESC LIMIT :limit",
                Map.of("linked", linked, "limit", limit))
            .stream()
            .map(c -> c.id)
            .toList();
    return byIds(ids);
  }

  /**
   * The actions the current user may take on the case now: allowed from its status, by {@link
   * CasePolicy}, and by the aggregate's own rules where they are known before trying.
   */
  @Transactional(readOnly = true)
  public List<CaseAction> allowedActions(long id) {
    Actor a = currentActor.require();
    SafetyCase c = service.get(id);
    List<CaseAction> out = new ArrayList<>();
    for (CaseAction action : CaseAction.values()) {
      if (action != CaseAction.REPORT && action.allowedFrom(c.status) && may(a, c, action)) {
        out.add(action);
      }
    }
    return out;
  }

  private boolean may(Actor a, SafetyCase c, CaseAction action) {
    boolean major = c.type == CaseType.MAJOR_HAZARD;
    boolean illegal = c.type == CaseType.ILLEGAL_OPERATION;
    return switch (action) {
      case REGISTER, VOID, DISPATCH -> CasePolicy.dispatches(a, c);
      case APPROVE_EXTENSION, REFUSE_EXTENSION ->
          CasePolicy.dispatches(a, c) && c.extensionRequestedDays != null;
      case REQUEST_EXTENSION -> enterprises.handlesAny(a, c) && c.extensionRequestedDays == null;
      case RETURN, ACCEPT, FEEDBACK -> enterprises.handlesAny(a, c);
      case EVIDENCE -> enterprises.handlesAny(a, c) || enterprises.addsEvidence(a, c);
      case PLAN -> major && enterprises.handlesAny(a, c);
      case REINSPECT_PASS, REWORK -> CasePolicy.reinspects(a, c);
      case ACCEPTANCE -> major && c.acceptedAt == null && CasePolicy.closes(a, c);
      case CLOSE ->
          CasePolicy.closes(a, c)
              && (!major || (c.supervisionLevel != null && c.acceptedAt != null));
      case SUPERVISE -> {
        String level = CasePolicy.supervisionLevel(a, c);
        yield level != null
            && !"CITY".equals(c.supervisionLevel)
            && !(level.equals(c.supervisionLevel));
      }
      case STOP_ORDER -> illegal && c.stopOrderAt == null && CasePolicy.ordersStop(a, c);
      case PENALTY ->
          illegal
              && c.penaltyDecision == null
              && (CasePolicy.handles(a, c)
                  || officers
                      .byUser(a.userId())
                      .filter(o -> o.enforcementPower() && "ACTIVE".equals(o.status()))
                      .isPresent());
      // reported by the reporter, escalated by the scheduler: never a user's action on a case
      case REPORT, ESCALATE -> false;
    };
  }

  /** Every action that is a transition of the loop's status (the others are side lines). */
  public static EnumSet<CaseAction> transitions() {
    return EnumSet.of(
        CaseAction.REGISTER,
        CaseAction.VOID,
        CaseAction.DISPATCH,
        CaseAction.RETURN,
        CaseAction.ACCEPT,
        CaseAction.FEEDBACK,
        CaseAction.REINSPECT_PASS,
        CaseAction.REWORK,
        CaseAction.CLOSE);
  }

  /** Clears the cached deadline rules after an administrator changed them. */
  public void deadlineRulesChanged() {
    rules.invalidate();
  }

  private CaseView view(SafetyCase c) {
    return CaseView.of(c, calendar.current(), Instant.now(), suggested(c), service.timelineOf(c));
  }

  private Map<String, String> suggested(SafetyCase c) {
    return c.status == CaseStatus.REGISTERED ? service.suggestedHandler(c) : Map.of();
  }
}
