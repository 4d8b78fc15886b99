package cn.anwang.casework.cases;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link DeadlineRules} from {@code case_deadline_rule}, cached for a minute (an edit on this
 * server clears the cache at once).
 */
@Component
class TableDeadlineRules implements DeadlineRules {

  private static final long TTL = Duration.ofMinutes(1).toNanos();

  private final JdbcClient jdbc;
  private volatile Map<CaseType, Map<Stage, Integer>> rules;
  private volatile long loadedAt;

  TableDeadlineRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int workingDays(CaseType type, Stage stage) {
    Map<CaseType, Map<Stage, Integer>> r = rules;
    if (r == null || System.nanoTime() - loadedAt > TTL) {
      r = load();
      rules = r;
      loadedAt = System.nanoTime();
    }
    Integer days = r.getOrDefault(type, Map.of()).get(stage);
    if (days == null) {
      throw new IllegalStateException("no deadline rule for " + type + " / " + stage);
    }
    return days;
  }

  void invalidate() {
    rules = null;
  }

  private Map<CaseType, Map<Stage, Integer>> load() {
    Map<CaseType, Map<Stage, Integer>> map = new EnumMap<>(CaseType.class);
    jdbc.sql("SELECT case_type, stage, working_days FROM case_deadline_rule")
        .query(
            rs -> {
              map.computeIfAbsent(
                      CaseType.valueOf(rs.getString(1)), t -> new EnumMap<>(Stage.class))
                  .put(Stage.valueOf(rs.getString(2)), rs.getInt(3));
            });
    return map;
  }
}
