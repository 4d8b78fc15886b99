package cn.anwang.scope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the scope matrix finds a real resource for each path template: a query per template that
 * returns the path variables (and any query parameter the operation needs) of one row placed inside
 * {@code :p} (a division-code LIKE pattern) and outside {@code :x}. A template covers every
 * operation whose path starts with it; the longest one wins.
 */
final class ScopeResources {

  /** How far down a resource is placed: a street's resource can be outside a street user. */
  enum Level {
    STREET,
    DISTRICT,
    CITY
  }

  record Resource(String template, Level level, String sql) {}

  private static final Map<String, Resource> BY_TEMPLATE = new LinkedHashMap<>();

  private static void street(String template, String sql) {
    BY_TEMPLATE.put(template, new Resource(template, Level.STREET, sql));
  }

  private static void district(String template, String sql) {
    BY_TEMPLATE.put(template, new Resource(template, Level.DISTRICT, sql));
  }

  private static void city(String template, String sql) {
    BY_TEMPLATE.put(template, new Resource(template, Level.CITY, sql));
  }

  private static final String IN = " LIKE :p AND %s NOT LIKE :x";

  private static String in(String column) {
    return column + IN.formatted(column);
  }

  static {
    String v1 = "/api/v1";
    street(
        v1 + "/assessment-reports/{id}",
        "SELECT id FROM assessment_report WHERE " + in("unit_code") + " ORDER BY id DESC LIMIT 1");
    district(
        v1 + "/assessment-schemes/{id}",
        "SELECT id FROM assessment_scheme WHERE level = 'STREET' AND "
            + in("owner_code")
            + " ORDER BY id LIMIT 1");
    street(
        v1 + "/assessment-schemes/{id}/sheets/{unit}",
        "SELECT s.id, d.code AS unit FROM assessment_scheme s JOIN division d"
            + " ON d.parent_code = s.owner_code WHERE s.level = 'STREET' AND "
            + in("d.code")
            + " ORDER BY s.id, d.code LIMIT 1");
    street(
        v1 + "/assignments/{id}",
        "SELECT id FROM officer_assignment WHERE ends_on IS NULL AND ended_at IS NULL AND "
            + in("grid_division_code")
            + " ORDER BY id LIMIT 1");
    city(v1 + "/calendar/{year}", "SELECT extract(year FROM now())::int AS year");
    street(
        v1 + "/cases/{id}",
        "SELECT id FROM safety_case WHERE " + in("division_code") + " ORDER BY id LIMIT 1");
    String attachment =
        "SELECT c.id, a.id AS \"attachmentId\" FROM case_attachment a JOIN safety_case c"
            + " ON c.id = a.case_id WHERE "
            + in("c.division_code")
            + " ORDER BY a.id LIMIT 1";
    street(v1 + "/cases/{id}/attachments/{attachmentId}", attachment);
    street("/cases/{id}/attachments/{attachmentId}", attachment);
    street(
        v1 + "/checklists/for-object/{objectId}",
        "SELECT id AS \"objectId\" FROM supervised_object WHERE "
            + in("division_code")
            + " ORDER BY id LIMIT 1");
    district(
        v1 + "/checklists/{id}",
        "SELECT id FROM checklist WHERE " + in("district_code") + " ORDER BY id LIMIT 1");
    district(
        v1 + "/departments/{code}",
        "SELECT code FROM org_department WHERE " + in("district_code") + " ORDER BY code LIMIT 1");
    street(
        v1 + "/divisions/{code}",
        "SELECT code FROM division WHERE level = 'street' AND "
            + in("code")
            + " ORDER BY code LIMIT 1");
    street(
        v1 + "/documents/{id}",
        "SELECT id FROM outreach_document WHERE " + in("scope_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/documents/{id}/attachments/{attachmentId}",
        "SELECT d.id, a.id AS \"attachmentId\" FROM outreach_attachment a JOIN outreach_document d"
            + " ON d.id = a.document_id WHERE "
            + in("d.scope_code")
            + " ORDER BY a.id LIMIT 1");
    street(
        v1 + "/documents/{id}/deliveries/{deliveryId}",
        "SELECT document_id AS id, id AS \"deliveryId\" FROM outreach_delivery WHERE "
            + in("division_code")
            + " AND status = 'RECEIVED' ORDER BY id LIMIT 1");
    street(
        v1 + "/grids/{code}",
        "SELECT code FROM grid WHERE " + in("division_code") + " ORDER BY code LIMIT 1");
    street(
        v1 + "/inspections/{id}",
        "SELECT id FROM inspection WHERE " + in("division_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/inspections/{id}/items/{key}/case",
        "SELECT i.id, f.item_key AS key FROM inspection_failed_item f JOIN inspection i"
            + " ON i.id = f.inspection_id WHERE f.case_id IS NULL AND "
            + in("i.division_code")
            + " ORDER BY i.id LIMIT 1");
    street(
        v1 + "/inspections/photos/{photoId}",
        "SELECT p.id AS \"photoId\" FROM inspection i JOIN inspection_photo p ON p.id = ANY"
            + " (i.photo_ids) WHERE "
            + in("i.division_code")
            + " ORDER BY i.id LIMIT 1");
    street(
        v1 + "/my-documents/{deliveryId}",
        "SELECT id AS \"deliveryId\" FROM outreach_delivery WHERE "
            + in("division_code")
            + " ORDER BY id LIMIT 1");
    street(
        v1 + "/my-documents/{deliveryId}/attachments/{attachmentId}",
        "SELECT d.id AS \"deliveryId\", a.id AS \"attachmentId\" FROM outreach_delivery d"
            + " JOIN outreach_attachment a ON a.document_id = d.document_id WHERE "
            + in("d.division_code")
            + " ORDER BY d.id LIMIT 1");
    street(
        v1 + "/notifications/{id}",
        "SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id WHERE "
            + in("u.territory_code")
            + " ORDER BY n.id LIMIT 1");
    street(
        v1 + "/object-change-proposals/{id}",
        "SELECT id FROM object_change_proposal WHERE "
            + in("division_code")
            + " ORDER BY id LIMIT 1");
    String object =
        "SELECT id, id AS \"objectId\" FROM supervised_object WHERE "
            + in("division_code")
            + " ORDER BY id LIMIT 1";
    street(v1 + "/objects/{id}", object);
    street(v1 + "/objects/{objectId}", object);
    street(
        v1 + "/objects/{id}/accounts/{userId}",
        "SELECT a.object_id AS id, a.user_id AS \"userId\" FROM object_account a JOIN"
            + " supervised_object o ON o.id = a.object_id WHERE "
            + in("o.division_code")
            + " ORDER BY a.object_id LIMIT 1");
    street(
        v1 + "/officers/{id}",
        "SELECT id FROM officer WHERE " + in("division_code") + " ORDER BY id LIMIT 1");
    street(
        "/workforce/officers/{id}",
        "SELECT id FROM officer WHERE " + in("division_code") + " ORDER BY id LIMIT 1");
    city(
        v1 + "/open311-keys/{id}",
        "SELECT id FROM open311_api_key WHERE revoked_at IS NULL ORDER BY id LIMIT 1");
    district(
        v1 + "/partner-engagements/{id}",
        "SELECT id FROM partner_engagement WHERE " + in("district_code") + " ORDER BY id LIMIT 1");
    district(
        v1 + "/partner-engagements/{id}/objects/{objectId}",
        "SELECT e.id, s.object_id AS \"objectId\" FROM partner_engagement e JOIN"
            + " partner_engagement_scope s ON s.engagement_id = e.id WHERE s.object_id IS NOT NULL"
            + " AND "
            + in("e.district_code")
            + " ORDER BY e.id LIMIT 1");
    district(
        v1 + "/partners/{id}",
        "SELECT id FROM partner_organisation WHERE "
            + in("registered_district")
            + " ORDER BY id LIMIT 1");
    district(
        v1 + "/partners/{id}/qualifications/{qualificationId}",
        "SELECT o.id, q.id AS \"qualificationId\" FROM partner_qualification q JOIN"
            + " partner_organisation o ON o.id = q.organisation_id WHERE "
            + in("o.registered_district")
            + " ORDER BY q.id LIMIT 1");
    district(
        v1 + "/patrol-plans/{scopeCode}",
        "SELECT code AS \"scopeCode\" FROM division WHERE level = 'district' AND "
            + in("code")
            + " ORDER BY code LIMIT 1");
    district(
        v1 + "/public-report-settings/{district}",
        "SELECT code AS district FROM division WHERE level = 'district' AND "
            + in("code")
            + " LIMIT 1");
    district(
        v1 + "/public-reward-rules/{district}",
        "SELECT code AS district FROM division WHERE level = 'district' AND "
            + in("code")
            + " LIMIT 1");
    street(
        v1 + "/public-reports/{id}",
        "SELECT id FROM public_report WHERE "
            + in("division_code")
            + " AND status = 'RECEIVED' ORDER BY id LIMIT 1");
    street(
        v1 + "/public-reports/{id}/photos/{photoId}",
        "SELECT r.id, p.id AS \"photoId\" FROM public_report_photo p JOIN public_report r"
            + " ON r.id = p.report_id WHERE "
            + in("r.division_code")
            + " ORDER BY p.id LIMIT 1");
    street(
        v1 + "/public-rewards/{id}",
        "SELECT id FROM public_reward WHERE " + in("division_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/publicity-activities/{id}",
        "SELECT id FROM publicity_activity WHERE " + in("scope_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/publicity-activities/{id}/photos/{photoId}",
        "SELECT a.id, p.id AS \"photoId\" FROM publicity_photo p JOIN publicity_activity a"
            + " ON a.id = p.activity_id WHERE "
            + in("a.scope_code")
            + " ORDER BY p.id LIMIT 1");
    district(
        v1 + "/responsibility-rules/{id}",
        "SELECT id FROM org_responsibility_rule WHERE "
            + in("district_code")
            + " ORDER BY id LIMIT 1");
    district(
        v1 + "/staffing/norms/districts/{district}",
        "SELECT code AS district FROM division WHERE level = 'district' AND "
            + in("code")
            + " LIMIT 1");
    city(v1 + "/staffing/norms/{category}", "SELECT category FROM staffing_norm LIMIT 1");
    street(
        v1 + "/staffing/rebalance/{id}",
        "SELECT id FROM rebalance_proposal WHERE " + in("street_code") + " ORDER BY id LIMIT 1");
    district(
        v1 + "/staffing/workload-settings/{scope}",
        "SELECT code AS scope FROM division WHERE level = 'district' AND "
            + in("code")
            + " ORDER BY code LIMIT 1");
    district(
        v1 + "/training/certificates/{id}",
        "SELECT id FROM training_certificate WHERE "
            + in("district_code")
            + " ORDER BY id LIMIT 1");
    district(
        v1 + "/training/courses/{id}",
        "SELECT id FROM training_course WHERE " + in("district_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/training/officers/{officerId}",
        "SELECT id AS \"officerId\" FROM officer WHERE "
            + in("division_code")
            + " ORDER BY id LIMIT 1");
    district(
        v1 + "/training/plans/{district}/{year}",
        "SELECT code AS district, extract(year FROM now())::int AS year FROM division"
            + " WHERE level = 'district' AND "
            + in("code")
            + " LIMIT 1");
    district(
        v1 + "/training/sessions/{id}",
        "SELECT id FROM training_session WHERE " + in("district_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/users/{id}",
        "SELECT id FROM app_user WHERE " + in("territory_code") + " ORDER BY id LIMIT 1");
    street(
        v1 + "/tokens/{id}",
        "SELECT t.id, u.username AS owner FROM api_token t JOIN app_user u ON u.id = t.user_id"
            + " WHERE "
            + in("u.territory_code")
            + " ORDER BY t.id LIMIT 1");
    city(v1 + "/webhooks/{id}", "SELECT id FROM webhook_endpoint ORDER BY id LIMIT 1");
    city(
        v1 + "/indicators/{code}",
        "SELECT 'case.closeRate' AS code, left(replace(:p, '%', ''), 6) AS division");
  }

  private final JdbcClient jdbc;

  ScopeResources(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The resource whose template is the longest prefix of the path covering all its variables. */
  static Optional<Resource> forPath(String path, List<String> variables) {
    return BY_TEMPLATE.values().stream()
        .filter(r -> path.startsWith(r.template()))
        .filter(r -> variables.stream().allMatch(v -> r.template().contains("{" + v + "}")))
        .max((a, b) -> Integer.compare(a.template().length(), b.template().length()));
  }

  static List<Resource> all() {
    return List.copyOf(BY_TEMPLATE.values());
  }

  /** One row of the resource inside {@code inside} and not inside {@code outside}, or empty. */
  Optional<Map<String, Object>> find(Resource resource, String inside, String outside) {
    return jdbc
        .sql(resource.sql())
        .param("p", inside + "%")
        .param("x", outside == null ? "-" : outside + "%")
        .query()
        .listOfRows()
        .stream()
        .findFirst();
  }
}
