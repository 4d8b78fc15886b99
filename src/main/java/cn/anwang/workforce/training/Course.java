package cn.anwang.workforce.training;

import java.math.BigDecimal;

/**
 * A training course.
 *
 * @param districtCode the district that runs it, or null for a city-wide course
 * @param requiredFor the tier that must take it: ALL, STREET, VILLAGE or NONE
 * @param prePost whether its certificate is what "trained before post" means
 * @param passMark the lowest passing score (0–100)
 * @param validityMonths how long a certificate is valid
 */
record Course(
    long id,
    String districtCode,
    String code,
    String title,
    String topic,
    BigDecimal hours,
    String requiredFor,
    boolean prePost,
    BigDecimal passMark,
    int validityMonths,
    boolean active,
    int version) {

  static final String COLUMNS =
      "id, district_code, code, title, topic, hours, required_for, pre_post, pass_mark,"
          + " validity_months, active, version";

  static Course map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Course(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getString("code"),
        rs.getString("title"),
        rs.getString("topic"),
        rs.getBigDecimal("hours"),
        rs.getString("required_for"),
        rs.getBoolean("pre_post"),
        rs.getBigDecimal("pass_mark"),
        rs.getInt("validity_months"),
        rs.getBoolean("active"),
        rs.getInt("version"));
  }

  /** Whether a score passes this course's exam. */
  boolean passes(BigDecimal score) {
    return score != null && score.compareTo(passMark) >= 0;
  }
}
