package cn.anwang.casework.cases;

import cn.anwang.area.Divisions;
import cn.anwang.org.Departments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: who acts in a demo case — the demo district's users (officer, street
 * administrator, district administrator, department staff) where the case is theirs, else named
 * offices of the case's street or department.
 */
@Component
@ConditionalOnBooleanProperty("anwang.demo")
class DemoCast {

  /** Demo users by district: officer, street admin, district admin, department staff. */
  record People(Person officer, Person street, Person district, Person department) {}

  /** An actor of the timeline; territory and department only for the demo users. */
  record Person(Long id, String name, String role, String territory, String department) {

    Person(Long id, String name, String role) {
      this(id, name, role, null, null);
    }
  }

  private final JdbcClient jdbc;
  private final Divisions divisions;
  private final Departments departments;

  DemoCast(JdbcClient jdbc, Divisions divisions, Departments departments) {
    this.jdbc = jdbc;
    this.divisions = divisions;
    this.departments = departments;
  }

  /** The demo user when the case is theirs, else a named office of the case's street. */
  People localPeople(People demo, SafetyCase c, String department) {
    String street = divisions.find(c.streetCode).map(d -> d.name()).orElse(c.streetCode);
    boolean home = c.streetCode.equals(demo.street().territory());
    Person officer = home ? demo.officer() : new Person(null, street + "网格员", "STREET_OFFICER");
    Person admin = home ? demo.street() : new Person(null, street + "安全生产办公室", "STREET_ADMIN");
    Person staff =
        department == null || department.equals(demo.department().department())
            ? demo.department()
            : new Person(
                null,
                departments.find(department).map(d -> d.name()).orElse(department),
                "DEPARTMENT_STAFF");
    return new People(officer, admin, demo.district(), staff);
  }

  People people(String districtCode) {
    String prefix =
        "120101".equals(districtCode) ? "heping" : "120111".equals(districtCode) ? "xiqing" : null;
    if (prefix == null) {
      return null;
    }
    String staff = "120101".equals(districtCode) ? "heping.yingji" : "xiqing.shijian";
    Person officer = person(prefix + ".officer");
    Person street = person(prefix + ".street");
    Person district = person(prefix + ".admin");
    Person department = person(staff);
    if (officer == null || street == null || district == null || department == null) {
      return null;
    }
    return new People(officer, street, district, department);
  }

  Person person(String username) {
    return jdbc.sql(
            "SELECT id, display_name, role, territory_code, department_code FROM app_user"
                + " WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new Person(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .optional()
        .orElse(null);
  }
}
