package cn.anwang.registry.object;

import cn.anwang.org.ObjectProfile;
import cn.anwang.org.ObjectProfiles;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's side of {@code org}'s rule-change preview: every object of a territory as the
 * rules see it, with its current departments, streamed from the database (close the stream).
 */
@Component
class RegistryObjectProfiles implements ObjectProfiles {

  private final JdbcClient jdbc;

  RegistryObjectProfiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Stream<ProfiledObject> within(String territoryCode) {
    return jdbc
        .sql(
            "SELECT o.id, o.district_code, o.kind, o.industry_code, o.hazards,"
                + " ARRAY(SELECT d.department_code FROM object_department d"
                + " WHERE d.object_id = o.id) AS departments"
                + " FROM supervised_object o WHERE o.division_code LIKE ? ORDER BY o.id")
        .param(ObjectRepository.escapeLike(territoryCode) + "%")
        .query(
            (rs, row) -> {
              Set<HazardFeature> hazards = EnumSet.noneOf(HazardFeature.class);
              for (String h : (String[]) rs.getArray("hazards").getArray()) {
                hazards.add(HazardFeature.valueOf(h));
              }
              Set<String> departments =
                  new TreeSet<>(
                      java.util.Arrays.asList((String[]) rs.getArray("departments").getArray()));
              return new ProfiledObject(
                  String.valueOf(rs.getLong("id")),
                  new ObjectProfile(
                      rs.getString("district_code"),
                      ObjectKind.valueOf(rs.getString("kind")),
                      rs.getString("industry_code"),
                      hazards),
                  departments);
            })
        .stream();
  }
}
