package cn.anwang.casework.cases;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.registry.ObjectAccounts;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an enterprise user ({@code ENTERPRISE_USER}) may do with cases: see (list, read, timeline)
 * the cases of the objects it is linked to in the registry ({@code registry.ObjectAccounts}), and
 * upload rectification evidence while such a case is in rectification, whoever handles it (the
 * enterprise itself, a department or the street); and, when a case was dispatched to the enterprise
 * itself, do what a handler does with it (but never record a penalty). Nothing else.
 */
@Component
class EnterpriseAccess {

  private final ObjectAccounts accounts;

  EnterpriseAccess(ObjectAccounts accounts) {
    this.accounts = accounts;
  }

  /** The objects the actor acts for: empty unless it is an enterprise user. */
  Set<Long> objectsOf(Actor a) {
    return a.role() == Role.ENTERPRISE_USER ? accounts.objectsOf(a.userId()) : Set.of();
  }

  /** Whether the actor sees the case ({@link CasePolicy#sees} or as its linked enterprise). */
  boolean sees(Actor a, SafetyCase c) {
    return CasePolicy.sees(a, c) || linked(a, c);
  }

  /** Whether the actor may add rectification evidence as the case's linked enterprise. */
  boolean addsEvidence(Actor a, SafetyCase c) {
    return c.status == CaseStatus.RECTIFYING && c.handlerType != null && linked(a, c);
  }

  /**
   * Whether the actor handles the case as the enterprise it was dispatched to (handler type
   * ENTERPRISE, handler code the object's id): accept, return, evidence, plan, feedback, extension
   * requests — never a penalty on itself.
   */
  boolean handles(Actor a, SafetyCase c) {
    return c.handlerType == HandlerType.ENTERPRISE && linked(a, c);
  }

  /** {@link CasePolicy#handles} or as the enterprise the case was dispatched to. */
  boolean handlesAny(Actor a, SafetyCase c) {
    return CasePolicy.handles(a, c) || handles(a, c);
  }

  private boolean linked(Actor a, SafetyCase c) {
    return a.role() == Role.ENTERPRISE_USER
        && c.objectId != null
        && accounts.objectsOf(a.userId()).contains(c.objectId);
  }
}
