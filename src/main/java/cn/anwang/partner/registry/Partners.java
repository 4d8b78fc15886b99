package cn.anwang.partner.registry;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.partner.refusal.PartnerText;
import cn.anwang.shared.pii.PhoneNumbers;
import cn.anwang.shared.pii.PiiProtector;
import cn.anwang.shared.uscc.UnifiedSocialCreditCode;
import cn.anwang.shared.uscc.UsccCheck;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the registry: register an organisation (its code checked like any object's, with its
 * qualifications and contacts, all or nothing), change its name and address, add or remove a
 * qualification or a contact, put it on the blacklist with a reason or take it off. Each audited.
 */
@Service
public class Partners {

  public static final Set<String> TYPES =
      Set.of("SAFETY_ASSESSMENT", "TESTING_INSPECTION", "OTHER");

  public record NewQualification(
      String type,
      String certificateNo,
      String scope,
      String issuer,
      LocalDate validFrom,
      LocalDate validTo) {}

  public record NewContact(String name, String duty, String phone) {}

  public record NewOrganisation(
      String uscc,
      String name,
      String address,
      List<NewQualification> qualifications,
      List<NewContact> contacts) {}

  record Change(String name, String address, Integer version) {}

  private final PartnerAccess access;
  private final PartnerQueries queries;
  private final JdbcClient jdbc;
  private final PiiProtector pii;
  private final AuditLog audit;

  Partners(
      PartnerAccess access,
      PartnerQueries queries,
      JdbcClient jdbc,
      PiiProtector pii,
      AuditLog audit) {
    this.access = access;
    this.queries = queries;
    this.jdbc = jdbc;
    this.pii = pii;
    this.audit = audit;
  }

  @Transactional
  public PartnerViews.Organisation register(NewOrganisation o) {
    Actor actor = access.keeper();
    if (o == null) {
      throw PartnerRejected.unprocessable("uscc", "partner.rule.organisationRequired");
    }
    UsccCheck check = UnifiedSocialCreditCode.check(o.uscc());
    if (!check.valid()) {
      throw check.problems().isEmpty()
          ? PartnerRejected.unprocessable("uscc", "partner.rule.usccInvalid")
          : PartnerRejected.unprocessable(
              "uscc",
              check.problems().get(0).messageKey(),
              check.problems().get(0).arguments().toArray());
    }
    String name = PartnerText.required(o.name(), 200, "name");
    String address = PartnerText.optional(o.address(), 300, "address");
    List<NewQualification> qs = o.qualifications() == null ? List.of() : o.qualifications();
    List<NewContact> cs = o.contacts() == null ? List.of() : o.contacts();
    qs.forEach(Partners::check);
    cs.forEach(Partners::check);
    boolean taken =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_organisation WHERE uscc = ?)")
            .param(check.code())
            .query(Boolean.class)
            .single();
    if (taken) {
      throw PartnerRejected.conflict("partner.rule.usccTaken", check.code());
    }
    String district = access.registeringDistrict(actor);
    long id =
        jdbc.sql(
                "INSERT INTO partner_organisation (uscc, name, address, registered_district,"
                    + " created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
            .params(check.code(), name, address, district, actor.username())
            .query(Long.class)
            .single();
    for (NewQualification q : qs) {
      insert(id, q);
    }
    for (NewContact c : cs) {
      insert(id, c);
    }
    audit.record(
        "partner.register",
        "partner_organisation",
        Long.toString(id),
        district,
        null,
        Map.of("uscc", check.code(), "name", name, "qualifications", qs.size()));
    return queries.get(id, actor);
  }

  @Transactional
  PartnerViews.Organisation change(long id, Change c) {
    Actor actor = access.keeper();
    PartnerViews.Organisation before = lock(id, actor);
    if (c == null) {
      throw PartnerRejected.unprocessable("name", "partner.rule.changeRequired");
    }
    if (c.version() != null && c.version() != before.version()) {
      throw PartnerRejected.conflict("partner.rule.stale");
    }
    String name = PartnerText.required(c.name(), 200, "name");
    String address = PartnerText.optional(c.address(), 300, "address");
    jdbc.sql(
            "UPDATE partner_organisation SET name = ?, address = ?, updated_at = now(),"
                + " version = version + 1 WHERE id = ?")
        .params(name, address, id)
        .update();
    audit.record(
        "partner.change",
        "partner_organisation",
        Long.toString(id),
        before.registeredDistrict(),
        Map.of("name", before.name()),
        Map.of("name", name));
    return queries.get(id, actor);
  }

  @Transactional
  public PartnerViews.Organisation addQualification(long id, NewQualification q) {
    Actor actor = access.keeper();
    PartnerViews.Organisation o = lock(id, actor);
    check(q);
    insert(id, q);
    audit.record(
        "partner.qualification.add",
        "partner_organisation",
        Long.toString(id),
        o.registeredDistrict(),
        null,
        Map.of(
            "type",
            q.type(),
            "certificateNo",
            q.certificateNo(),
            "validTo",
            q.validTo().toString()));
    return queries.get(id, actor);
  }

  @Transactional
  public PartnerViews.Organisation removeQualification(long id, long qualificationId) {
    Actor actor = access.keeper();
    PartnerViews.Organisation o = lock(id, actor);
    int removed =
        jdbc.sql("DELETE FROM partner_qualification WHERE id = ? AND organisation_id = ?")
            .params(qualificationId, id)
            .update();
    if (removed == 0) {
      throw PartnerRejected.notFound("partner.rule.qualificationNotFound", qualificationId);
    }
    audit.record(
        "partner.qualification.remove",
        "partner_organisation",
        Long.toString(id),
        o.registeredDistrict(),
        Map.of("qualification", qualificationId),
        null);
    return queries.get(id, actor);
  }

  @Transactional
  public PartnerViews.Organisation addContact(long id, NewContact c) {
    Actor actor = access.keeper();
    PartnerViews.Organisation o = lock(id, actor);
    check(c);
    insert(id, c);
    audit.record(
        "partner.contact.add",
        "partner_organisation",
        Long.toString(id),
        o.registeredDistrict(),
        null,
        Map.of("name", c.name().strip()));
    return queries.get(id, actor);
  }

  /**
   * Puts the organisation on the blacklist (reason required) or, with a null reason, takes it off.
   */
  @Transactional
  public PartnerViews.Organisation blacklist(long id, boolean on, String reason) {
    Actor actor = access.keeper();
    PartnerViews.Organisation o = lock(id, actor);
    String why = on ? PartnerText.required(reason, 1000, "reason") : null;
    jdbc.sql(
            "UPDATE partner_organisation SET blacklisted = ?, blacklist_reason = ?,"
                + " blacklisted_at = CASE WHEN ? THEN now() END, updated_at = now(),"
                + " version = version + 1 WHERE id = ?")
        .params(on, why, on, id)
        .update();
    audit.record(
        on ? "partner.blacklist" : "partner.unblacklist",
        "partner_organisation",
        Long.toString(id),
        o.registeredDistrict(),
        Map.of("blacklisted", o.blacklisted()),
        on ? Map.of("blacklisted", true, "reason", why) : Map.of("blacklisted", false));
    return queries.get(id, actor);
  }

  private PartnerViews.Organisation lock(long id, Actor actor) {
    jdbc.sql("SELECT id FROM partner_organisation WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> PartnerRejected.notFound("partner.rule.organisationNotFound", id));
    PartnerViews.Organisation o = queries.get(id, actor);
    PartnerAccess.requireKeeper(actor, o.registeredDistrict());
    return o;
  }

  private void insert(long organisation, NewQualification q) {
    boolean taken =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM partner_qualification WHERE type = ?"
                    + " AND certificate_no = ?)")
            .params(q.type(), q.certificateNo().strip())
            .query(Boolean.class)
            .single();
    if (taken) {
      throw PartnerRejected.conflict(
          "partner.rule.certificateTaken", q.certificateNo().strip(), q.type());
    }
    jdbc.sql(
            "INSERT INTO partner_qualification (organisation_id, type, certificate_no, scope,"
                + " issuer, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            organisation,
            q.type(),
            q.certificateNo().strip(),
            q.scope() == null ? null : q.scope().strip(),
            q.issuer().strip(),
            q.validFrom(),
            q.validTo())
        .update();
  }

  private void insert(long organisation, NewContact c) {
    String phone = PhoneNumbers.normalise(c.phone());
    jdbc.sql(
            "INSERT INTO partner_contact (organisation_id, name, duty, phone_enc, phone_masked)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            organisation,
            c.name().strip(),
            c.duty() == null || c.duty().isBlank() ? null : c.duty().strip(),
            Base64.getEncoder().encodeToString(pii.encrypt(phone)),
            PhoneNumbers.masked(phone))
        .update();
  }

  private static void check(NewQualification q) {
    if (q == null || q.type() == null || !TYPES.contains(q.type())) {
      throw PartnerRejected.unprocessable("qualifications.type", "partner.rule.qualificationType");
    }
    PartnerText.required(q.certificateNo(), 60, "qualifications.certificateNo");
    PartnerText.required(q.issuer(), 200, "qualifications.issuer");
    PartnerText.optional(q.scope(), 1000, "qualifications.scope");
    if (q.validFrom() == null || q.validTo() == null || q.validTo().isBefore(q.validFrom())) {
      throw PartnerRejected.unprocessable("qualifications.validTo", "partner.rule.validity");
    }
  }

  private static void check(NewContact c) {
    if (c == null) {
      throw PartnerRejected.unprocessable("contacts.name", "partner.rule.contactRequired");
    }
    PartnerText.required(c.name(), 50, "contacts.name");
    PartnerText.optional(c.duty(), 60, "contacts.duty");
    if (!PhoneNumbers.isValid(c.phone())) {
      throw PartnerRejected.unprocessable("contacts.phone", "partner.rule.phone");
    }
  }
}
