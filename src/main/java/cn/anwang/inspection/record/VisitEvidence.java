package cn.anwang.inspection.record;

import cn.anwang.inspection.DutyEvidence;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signature and photos of a recorded visit, for the module that owns the duty. */
@Service
@Transactional(readOnly = true)
class VisitEvidence implements DutyEvidence {

  private final JdbcClient jdbc;

  VisitEvidence(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Evidence> of(long inspectionId) {
    return jdbc.sql(
            """
            SELECT i.signature_png, cardinality(i.photo_ids) AS photos, u.display_name
              FROM inspection i JOIN app_user u ON u.id = i.user_id
             WHERE i.id = ?
            """)
        .param(inspectionId)
        .query(
            (rs, n) ->
                new Evidence(
                    rs.getBytes("signature_png"),
                    rs.getInt("photos"),
                    rs.getString("display_name")))
        .optional();
  }
}
