package cn.anwang.inspection.checklist;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.shared.StartupOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the starter checklists ({@code inspection/starter-checklists.json}, all marked as editable
 * examples) at start-up: each code that has no version yet gets version 1. A checklist edited or
 * created by the administrators is never touched.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 5)
class StarterChecklists implements ApplicationRunner {

  static final String RESOURCE = "inspection/starter-checklists.json";

  private final Checklists checklists;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  StarterChecklists(Checklists checklists, JdbcClient jdbc, ObjectMapper json) {
    this.checklists = checklists;
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    load();
  }

  /** Inserts the starter checklists that are missing; returns how many were inserted. */
  @Transactional
  int load() {
    List<Checklists.Draft> drafts;
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      drafts = json.readValue(in, new TypeReference<List<Checklists.Draft>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Actor system = new Actor(0, "system", "system", Role.CITY_ADMIN, Scope.city());
    int inserted = 0;
    for (Checklists.Draft d : drafts) {
      jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('checklist:' || ?))")
          .param(d.code())
          .query((rs, n) -> 1)
          .list();
      boolean exists =
          jdbc.sql("SELECT count(*) FROM checklist WHERE code = ?")
                  .param(d.code())
                  .query(Integer.class)
                  .single()
              > 0;
      if (!exists) {
        checklists.insert(d.code(), 1, d, null, true, system);
        inserted++;
      }
    }
    return inserted;
  }
}
