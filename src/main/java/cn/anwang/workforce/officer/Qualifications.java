package cn.anwang.workforce.officer;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Train before post (先培训后上岗): an officer is qualified on a day when, for every active pre-post
 * course that applies to them (city-wide or their district's; for their tier or for all), they hold
 * a certificate that is not revoked and is valid that day ({@code issued_on ≤ day < expires_on}).
 * When no pre-post course applies, nobody is qualified: the rule cannot be met by leaving the
 * courses out.
 */
@Component
public class Qualifications {

  /**
   * A pre-post course the officer lacks a valid certificate for.
   *
   * @param lastExpiredOn the expiry of the newest certificate of that course the officer had, or
   *     null when they never had one (or it was revoked)
   */
  public record Missing(
      long courseId, String courseCode, String courseTitle, LocalDate lastExpiredOn) {}

  private final JdbcClient jdbc;

  Qualifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The pre-post courses the officer lacks on {@code day}; empty means qualified. */
  public List<Missing> missing(Officer officer, LocalDate day) {
    return jdbc.sql(
            """
            SELECT c.id, c.code, c.title,
                   (SELECT max(x.expires_on) FROM training_certificate x
                     WHERE x.officer_id = :officer AND x.course_id = c.id AND x.revoked_at IS NULL
                       AND x.expires_on <= :day) AS last_expired
              FROM training_course c
             WHERE c.active AND c.pre_post
               AND (c.district_code IS NULL OR c.district_code = :district)
               AND c.required_for IN ('ALL', :tier)
               AND NOT EXISTS (
                   SELECT 1 FROM training_certificate t
                    WHERE t.officer_id = :officer AND t.course_id = c.id AND t.revoked_at IS NULL
                      AND t.issued_on <= :day AND t.expires_on > :day)
             ORDER BY c.code
            """)
        .param("officer", officer.id())
        .param("day", day)
        .param("district", officer.districtCode())
        .param("tier", officer.tier().name())
        .query(
            (rs, n) ->
                new Missing(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  /** Whether any pre-post course applies to the officer at all. */
  public boolean anyPrePostCourse(Officer officer) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM training_course c
                            WHERE c.active AND c.pre_post
                              AND (c.district_code IS NULL OR c.district_code = :district)
                              AND c.required_for IN ('ALL', :tier))
            """)
        .param("district", officer.districtCode())
        .param("tier", officer.tier().name())
        .query(Boolean.class)
        .single();
  }

  /** Whether the officer is qualified on {@code day}. */
  public boolean qualified(Officer officer, LocalDate day) {
    return anyPrePostCourse(officer) && missing(officer, day).isEmpty();
  }
}
