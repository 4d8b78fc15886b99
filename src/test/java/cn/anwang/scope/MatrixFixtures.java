package cn.anwang.scope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row of each resource no demo seeder writes (documents and deliveries, an inspection,
 * publicity, a partner organisation with an engagement and a qualification, district courses and
 * sessions, district rules and checklists, a case attachment, a notification, a webhook, an Open311
 * key, an object change proposal, a rebalance proposal), in 和平区: one in 劝业场街道 and, where a street
 * places it, one in another street. Written inside the matrix's transaction, which is rolled back.
 */
final class MatrixFixtures {

  private final JdbcClient jdbc;

  MatrixFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void write() {
    long admin = id("SELECT id FROM app_user WHERE username = 'heping.admin'");
    for (String street : new String[] {Callers.HOME_STREET, otherStreet()}) {
      long object =
          id(
              "SELECT id FROM supervised_object WHERE division_code LIKE '"
                  + street
                  + "%' ORDER BY id LIMIT 1");
      String division =
          jdbc.sql("SELECT division_code FROM supervised_object WHERE id = ?")
              .param(object)
              .query(String.class)
              .single();
      long document =
          id(
              "INSERT INTO outreach_document (client_id, published_by, publisher_name, scope_code,"
                  + " district_code, title, issuer, receipt_deadline, targets, target_count)"
                  + " VALUES (gen_random_uuid(), ?, '和平区', ?, '120101', '矩阵测试文件', '和平区',"
                  + " current_date + 30, '{}'::jsonb, 1) RETURNING id",
              admin,
              street);
      jdbc.sql(
              "INSERT INTO outreach_delivery (document_id, object_id, district_code,"
                  + " street_code, division_code) VALUES (?, ?, '120101', ?, ?)")
          .params(document, object, street, division)
          .update();
      jdbc.sql(
              "INSERT INTO inspection (client_id, user_id, kind, object_id, district_code,"
                  + " division_code, started_at, ended_at, outside_allowed_area)"
                  + " VALUES (gen_random_uuid(), ?, 'INSPECTION', ?, '120101', ?, now(), now(),"
                  + " false)")
          .params(admin, object, division)
          .update();
      jdbc.sql(
              "INSERT INTO publicity_activity (client_id, recorded_by, recorder_name, scope_code,"
                  + " district_code, street_code, type, starts_at, ends_at, place, audience_size,"
                  + " source) VALUES (gen_random_uuid(), ?, '和平区', ?, '120101', ?, 'LECTURE',"
                  + " now(), now(), '社区', 10, 'DESK')")
          .params(admin, street, street)
          .update();
      jdbc.sql(
              "INSERT INTO object_change_proposal (object_id, district_code, division_code, note,"
                  + " proposed_by, proposed_by_name) VALUES (?, '120101', ?, '矩阵测试', ?, '和平区')")
          .params(object, division, admin)
          .update();
      jdbc.sql(
              "INSERT INTO rebalance_proposal (street_code, district_code, basis_hash, moves,"
                  + " spread_before, spread_after, created_by)"
                  + " VALUES (?, '120101', 'matrix', '[]'::jsonb, 0, 0, 'heping.admin')")
          .param(street)
          .update();
    }
    long partner =
        id(
            "INSERT INTO partner_organisation (uscc, name, registered_district, created_by)"
                + " VALUES ('91120101MA0MATRIX1', '矩阵测试安评公司', '120101', 'heping.admin')"
                + " RETURNING id");
    jdbc.sql(
            "INSERT INTO partner_qualification (organisation_id, type, certificate_no, issuer,"
                + " valid_from, valid_to) VALUES (?, 'OTHER', 'M-1', '天津市', current_date - 1,"
                + " current_date + 365)")
        .param(partner)
        .update();
    long engagement =
        id(
            "INSERT INTO partner_engagement (organisation_id, district_code, kind, client,"
                + " services, contract_ref, starts_on, ends_on, created_by) VALUES (?, '120101',"
                + " 'GOVERNMENT_PURCHASE', '和平区', '安全评估', 'M-1', current_date - 1,"
                + " current_date + 365, 'heping.admin') RETURNING id",
            partner);
    jdbc.sql(
            "INSERT INTO partner_engagement_scope (engagement_id, object_id) SELECT ?, id FROM"
                + " supervised_object WHERE division_code LIKE ? ORDER BY id LIMIT 1")
        .params(engagement, Callers.HOME_STREET + "%")
        .update();
    long course =
        id(
            "INSERT INTO training_course (district_code, code, title, topic, hours) VALUES"
                + " ('120101', 'MATRIX-1', '矩阵测试课程', '安全', 2) RETURNING id");
    jdbc.sql(
            "INSERT INTO training_session (course_id, district_code, held_on, place, trainer,"
                + " created_by) VALUES (?, '120101', current_date, '区政府', '讲师',"
                + " 'heping.admin')")
        .param(course)
        .update();
    jdbc.sql(
            "INSERT INTO org_responsibility_rule (district_code, priority, department_key)"
                + " VALUES ('120101', 5000, 'YJ')")
        .update();
    jdbc.sql(
            "INSERT INTO checklist (code, version, name, district_code, items, created_by)"
                + " VALUES ('matrix', 1, '矩阵测试检查表', '120101', '[]'::jsonb, 'heping.admin')")
        .update();
    jdbc.sql(
            "INSERT INTO notification (user_id, kind, message_key, dedup_key) VALUES (?, 'TEST',"
                + " 'notification.test', 'matrix')")
        .param(admin)
        .update();
    jdbc.sql(
            "INSERT INTO webhook_endpoint (url, secret, event_kinds, created_by) VALUES"
                + " ('https://example.invalid/hook', 'secret', '{CASE_CLOSED}', 'admin')")
        .update();
    token();
    jdbc.sql(
            "INSERT INTO open311_api_key (name, key_hash, created_by) VALUES ('matrix', ?,"
                + " 'admin')")
        .param("f".repeat(64))
        .update();
  }

  /** A personal API token of 劝业场街道's administrator (identity's tokens). */
  void token() {
    jdbc.sql(
            "INSERT INTO api_token (user_id, name, prefix, secret_sha256, scope, expires_at)"
                + " SELECT id, 'matrix', 'anw_matrix', ?, 'READ', now() + interval '1 day'"
                + " FROM app_user WHERE username = 'heping.street'")
        .param("e".repeat(64))
        .update();
  }

  private String otherStreet() {
    return jdbc.sql(
            "SELECT code FROM division WHERE parent_code = ? AND code <> ? ORDER BY code LIMIT 1")
        .params(Callers.HOME_DISTRICT, Callers.HOME_STREET)
        .query(String.class)
        .single();
  }

  private long id(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
