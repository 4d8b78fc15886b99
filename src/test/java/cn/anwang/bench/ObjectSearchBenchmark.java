package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.org.ObjectProfile;
import cn.anwang.org.ResponsibilityRules;
import cn.anwang.org.RuleMatch;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The scoped object search at Tianjin scale, end to end: starts the application (embedded
 * PostgreSQL in a temporary directory, demo off), gives all 16 districts their departments, writes
 * 300,000 objects over the real division tree's villages with one SQL statement (kinds, industries,
 * hazards, risk, status mixed; departments linked by the real responsibility rules), then signs in
 * a city, district, street administrator and department staff through the log-in form and times
 * {@code GET /api/v1/objects} (the page of rows and its count, as the list shows them) over HTTP
 * with the session cookie, for a mix of scopes and filters.
 *
 * <p>{@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=cn.anwang.bench.ObjectSearchBenchmark} (optionally {@code -Dbench.objects=300000
 * -Dbench.rounds=120}).
 */
public final class ObjectSearchBenchmark {

  private static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final String USER_PASSWORD = "bench-user-password-2026";
  private static final int OBJECTS = setting("BENCH_OBJECTS", 300_000);
  private static final int WARMUP_ROUNDS = 15;
  private static final int ROUNDS = setting("BENCH_ROUNDS", 120);
  private static final int CLIENTS = 4;

  private static final String[] TRADES = {
    "化工", "五金", "超市", "餐饮", "物流", "机械", "建材", "服装", "食品", "印刷", "电子", "汽修", "家具", "塑料", "纺织", "茶楼",
    "医药", "钢材", "木业", "涂料"
  };

  private ObjectSearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("anwang-search-bench");
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class)
            .run(
                "--server.port=0",
                "--anwang.demo=false",
                "--anwang.admin-password=" + ADMIN_PASSWORD,
                "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
                "--logging.level.root=WARN");
    try {
      System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(t0));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      database(jdbc);
      long t1 = System.nanoTime();
      int departments = districtDepartments(jdbc);
      insertObjects(jdbc);
      int links = linkDepartments(jdbc, app.getBean(ResponsibilityRules.class));
      // the steady state autovacuum reaches soon after a bulk load: statistics and visibility map
      jdbc.execute("VACUUM ANALYZE supervised_object");
      jdbc.execute("VACUUM ANALYZE object_department");
      System.out.printf(
          Locale.ROOT,
          "Wrote %,d objects in %d districts, %,d villages (%,d department links, %d district"
              + " departments) in %.1f s%n",
          count(jdbc, "SELECT count(*) FROM supervised_object"),
          count(jdbc, "SELECT count(DISTINCT district_code) FROM supervised_object"),
          count(jdbc, "SELECT count(DISTINCT village_code) FROM supervised_object"),
          links,
          departments,
          seconds(t1));
      if (setting("BENCH_EXPLAIN", 0) == 1) {
        explain(jdbc);
      }
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      jdbc.execute("SELECT pg_stat_reset()");
      new Run(port, jdbc, app.getBean(ObjectMapper.class)).run();
      indexUse(jdbc);
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ------------------------------------------------------------------ plans

  /** The plans of the slowest query shapes, written as ObjectRepository writes them. */
  private static void explain(JdbcTemplate jdbc) {
    String cols = "SELECT o.id, o.name, o.address, o.risk_level FROM supervised_object o WHERE ";
    String order = " ORDER BY o.name, o.id OFFSET 0 LIMIT 50";
    String text =
        "(o.name LIKE '%化工%' OR o.address LIKE '%化工%' OR o.uscc = '化工')"
            + " AND (o.text_bigrams @> supervised_object_bigrams('化工') OR o.uscc = '化工')";
    String staff =
        "o.district_code = '120116' AND EXISTS (SELECT 1 FROM object_department d"
            + " WHERE d.object_id = o.id AND d.department_code = '120116-YJ')";
    for (String where :
        List.of(
            "o.division_code LIKE '12%' AND o.kind = 'ENTERPRISE'"
                + " AND COALESCE(o.risk_override_level, o.risk_level) = 'RED'",
            "o.division_code LIKE '12%' AND " + text, staff)) {
      for (String sql :
          List.of(
              cols + where + order,
              "SELECT count(*) FROM (SELECT 1 FROM supervised_object o WHERE "
                  + where
                  + " LIMIT 10001) capped")) {
        System.out.println("EXPLAIN ANALYZE " + sql);
        jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class)
            .forEach(line -> System.out.println("  " + line));
      }
    }
  }

  /** How often the run used each index of the objects table (statistics reset before the run). */
  private static void indexUse(JdbcTemplate jdbc) {
    System.out.println("\nIndex scans of supervised_object during the run:");
    jdbc.query(
        "SELECT indexrelname, idx_scan FROM pg_stat_user_indexes"
            + " WHERE relname = 'supervised_object' ORDER BY idx_scan DESC, indexrelname",
        rs -> {
          System.out.printf(Locale.ROOT, "  %-48s %,d%n", rs.getString(1), rs.getLong(2));
        });
  }

  // ------------------------------------------------------------------ data

  /** The server and what pg_trgm would make of a Chinese name on it (the index does not use it). */
  private static void database(JdbcTemplate jdbc) {
    System.out.println(
        jdbc.queryForObject(
            "SELECT version() || ', LC_CTYPE ' || datctype FROM pg_database WHERE datname = current_database()",
            String.class));
    try {
      jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      System.out.println(
          "pg_trgm is available; its trigrams of '津华化工有限公司': "
              + jdbc.queryForObject("SELECT show_trgm('津华化工有限公司')::text", String.class));
    } catch (RuntimeException e) {
      System.out.println("pg_trgm is not available: " + e.getMessage());
    }
  }

  /** Every district gets the city's departments as its own, as districts do once they set up. */
  private static int districtDepartments(JdbcTemplate jdbc) {
    return jdbc.update(
        "INSERT INTO org_department (code, short_key, name, district_code, duty_industries,"
            + " duty_hazards, duty_kinds, fallback, active, seeded)"
            + " SELECT d.code || '-' || c.short_key, c.short_key,"
            + " d.name || regexp_replace(c.name, '^天津市', ''), d.code, c.duty_industries,"
            + " c.duty_hazards, c.duty_kinds, c.fallback, true, false"
            + " FROM org_department c CROSS JOIN division d"
            + " WHERE c.district_code IS NULL AND c.active AND d.level = 'district'"
            + " ON CONFLICT DO NOTHING");
  }

  /**
   * 300,000 objects spread over the villages of the real tree (hashes of the row number, so every
   * run writes the same data): kinds, industries, hazards, scale, status and risk mixed in
   * proportions like a district's register, names built from place words and trades.
   */
  private static void insertObjects(JdbcTemplate jdbc) {
    String trades = Arrays.stream(TRADES).map(t -> "'" + t + "'").collect(Collectors.joining(","));
    jdbc.execute(
        "CREATE TEMP TABLE bench_village AS SELECT row_number() OVER (ORDER BY code) - 1 AS n,"
            + " code, name FROM division WHERE level = 'village'");
    jdbc.execute(
        "WITH g AS (SELECT i, hashint4(i) & 2147483647 AS h1,"
            + " hashint4(i + 1000003) & 2147483647 AS h2,"
            + " hashint4(i + 2000003) & 2147483647 AS h3"
            + " FROM generate_series(1, "
            + OBJECTS
            + ") i),"
            + " o AS (SELECT g.*, v.code AS village, v.name AS village_name,"
            + "  CASE WHEN g.h2 % 100 < 30 THEN 'ENTERPRISE'"
            + "   WHEN g.h2 % 100 < 50 THEN 'INDIVIDUAL_BUSINESS'"
            + "   WHEN g.h2 % 100 < 72 THEN 'SMALL_SHOP'"
            + "   WHEN g.h2 % 100 < 80 THEN 'SMALL_WORKSHOP'"
            + "   WHEN g.h2 % 100 < 86 THEN 'SMALL_ENTERTAINMENT_VENUE'"
            + "   WHEN g.h2 % 100 < 96 THEN 'HOUSEHOLD' ELSE 'OTHER' END AS kind,"
            + "  (ARRAY['2614','2619','2911','1711','1391','3311','3130','2710','3411','3714',"
            + "   '4411','4430','4710','4720','5110','5123','5211','5221','5231','5265','5310',"
            + "   '5411','5810','5920','6110','6120','6210','6220','7010','7020','7224','8010',"
            + "   '8021','8610','9011','8720','4910','1713','3021','2021'])[1 + g.h3 % 40]"
            + "   AS industry,"
            + "  (ARRAY["
            + trades
            + "])[1 + (g.h1 / 7) % "
            + TRADES.length
            + "] AS trade"
            + " FROM g JOIN bench_village v"
            + "  ON v.n = g.h1 % (SELECT count(*) FROM bench_village)),"
            + " h AS (SELECT o.*, CASE"
            + "   WHEN o.kind IN ('ENTERPRISE', 'SMALL_WORKSHOP') AND o.trade = '化工'"
            + "    THEN ARRAY['HAZARDOUS_CHEMICALS']"
            + "   WHEN o.kind IN ('ENTERPRISE', 'SMALL_WORKSHOP') AND o.h2 % 13 = 0"
            + "    THEN ARRAY['DUST_EXPLOSION', 'CONFINED_SPACE']"
            + "   WHEN o.kind = 'ENTERPRISE' AND o.h2 % 17 = 0 THEN ARRAY['METAL_SMELTING']"
            + "   WHEN o.kind = 'SMALL_ENTERTAINMENT_VENUE' THEN ARRAY['CROWDED_PLACE']"
            + "   WHEN o.trade = '餐饮' THEN ARRAY['GAS_USE']"
            + "   WHEN o.h3 % 23 = 0 THEN ARRAY['SPECIAL_EQUIPMENT']"
            + "   ELSE ARRAY[]::text[] END AS hazards FROM o),"
            + " r AS (SELECT h.*, CASE"
            + "   WHEN h.h1 % 100 = 0 THEN 'ACCIDENT_LAST_12_MONTHS'"
            + "   WHEN h.hazards && ARRAY['HAZARDOUS_CHEMICALS', 'DUST_EXPLOSION',"
            + "    'METAL_SMELTING'] THEN 'MAJOR_HAZARD'"
            + "   WHEN h.hazards = ARRAY['CROWDED_PLACE'] AND h.h3 % 4 = 0"
            + "    THEN 'LARGE_CROWDED_PLACE'"
            + "   WHEN cardinality(h.hazards) > 0 THEN 'OTHER_HAZARD'"
            + "   WHEN h.kind IN ('SMALL_SHOP', 'SMALL_WORKSHOP', 'HOUSEHOLD',"
            + "    'INDIVIDUAL_BUSINESS') THEN 'SMALL_WITHOUT_HAZARD'"
            + "   ELSE 'DEFAULT' END AS rule FROM h)"
            + " INSERT INTO supervised_object (district_code, street_code, village_code,"
            + " division_code, grid_code, kind, uscc, name, address, lon, lat, industry_code, scale,"
            + " employees, hazards, contact_name, contact_phone, status, direct_supervision,"
            + " direct_supervision_reason, risk_level, risk_rule, synthetic)"
            + " SELECT substr(village, 1, 6), substr(village, 1, 9), village, village,"
            + " village || '-G' || lpad((h3 % 6)::text, 2, '0'), kind,"
            + " CASE WHEN kind = 'ENTERPRISE' THEN '91' || substr(village, 1, 6)"
            + "  || lpad(i::text, 9, '0') || 'X' END,"
            + " CASE WHEN kind = 'HOUSEHOLD'"
            + "  THEN (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴'])[1 + h2 % 10]"
            + "   || (ARRAY['建国','秀英','志强','桂兰','海燕','国华','玉兰','德明'])[1 + h3 % 8] || '家'"
            + "  ELSE (ARRAY['华','津','海','河','滨','鑫','盛','永','恒','泰','隆','兴','旺','福',"
            + "   '顺','宏','达','瑞','祥','安','康','明','新','利','源','丰','通','金','宝','天'])"
            + "   [1 + h1 % 30]"
            + "   || (ARRAY['华','津','海','河','滨','鑫','盛','永','恒','泰','隆','兴','旺','福',"
            + "   '顺','宏','达','瑞','祥','安','康','明','新','利','源','丰','通','金','宝','天'])"
            + "   [1 + h3 % 30] || trade"
            + "   || CASE kind WHEN 'ENTERPRISE' THEN '有限公司' WHEN 'INDIVIDUAL_BUSINESS' THEN '商行'"
            + "    WHEN 'SMALL_SHOP' THEN '店' WHEN 'SMALL_WORKSHOP' THEN '加工坊'"
            + "    WHEN 'SMALL_ENTERTAINMENT_VENUE' THEN '娱乐会所' ELSE '服务部' END END,"
            + " village_name || (ARRAY['建设路','解放路','新华路','胜利街','人民路','友谊路'])"
            + "  [1 + h2 % 6] || (1 + i % 500) || '号',"
            + " 116.8 + (h1 % 100000) / 100000.0 * 1.2, 38.6 + (h2 % 100000) / 100000.0 * 1.5,"
            + " CASE WHEN kind <> 'HOUSEHOLD' THEN industry END,"
            + " CASE WHEN kind = 'ENTERPRISE'"
            + "  THEN (ARRAY['LARGE','MEDIUM','SMALL','SMALL','MICRO','MICRO'])[1 + h3 % 6]"
            + "  WHEN kind <> 'HOUSEHOLD' THEN 'MICRO' END,"
            + " CASE WHEN kind = 'ENTERPRISE' THEN 5 + h1 % 800 WHEN kind <> 'HOUSEHOLD'"
            + "  THEN 1 + h1 % 9 END,"
            + " hazards,"
            + " (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴'])[1 + h3 % 10] || '先生',"
            + " '139' || lpad(i::text, 8, '0'),"
            + " CASE WHEN h3 % 100 < 88 THEN 'OPERATING' WHEN h3 % 100 < 96 THEN 'SUSPENDED'"
            + "  ELSE 'CLOSED' END,"
            + " kind = 'ENTERPRISE' AND h1 % 40 = 0,"
            + " CASE WHEN kind = 'ENTERPRISE' AND h1 % 40 = 0 THEN 'LARGE_SCALE' END,"
            + " CASE rule WHEN 'ACCIDENT_LAST_12_MONTHS' THEN 'RED' WHEN 'MAJOR_HAZARD' THEN 'ORANGE'"
            + "  WHEN 'LARGE_CROWDED_PLACE' THEN 'ORANGE' WHEN 'SMALL_WITHOUT_HAZARD' THEN 'BLUE'"
            + "  ELSE 'YELLOW' END,"
            + " rule, true FROM r");
  }

  /**
   * Links departments as the responsibility rules would: the rules are evaluated once per distinct
   * (district, kind, industry, hazards) profile, then joined to the objects in SQL.
   */
  private static int linkDepartments(JdbcTemplate jdbc, ResponsibilityRules rules) {
    ResponsibilityRules.Evaluator evaluator = rules.snapshot();
    List<Object[]> rows = new ArrayList<>();
    jdbc.query(
        "SELECT DISTINCT district_code, kind, industry_code, hazards FROM supervised_object",
        rs -> {
          EnumSet<HazardFeature> hazards = EnumSet.noneOf(HazardFeature.class);
          String[] names = (String[]) rs.getArray(4).getArray();
          for (String h : names) {
            hazards.add(HazardFeature.valueOf(h));
          }
          for (RuleMatch m :
              evaluator.responsibleFor(
                  new ObjectProfile(
                      rs.getString(1),
                      ObjectKind.valueOf(rs.getString(2)),
                      rs.getString(3),
                      hazards))) {
            rows.add(
                new Object[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  String.join(",", names),
                  m.departmentCode(),
                  m.ruleId() == null ? null : String.valueOf(m.ruleId())
                });
          }
        });
    jdbc.execute(
        "CREATE TEMP TABLE bench_profile (district_code text, kind text, industry_code text,"
            + " hazards text, department_code text, rule_id text)");
    jdbc.batchUpdate("INSERT INTO bench_profile VALUES (?, ?, ?, ?, ?, ?)", rows);
    return jdbc.update(
        "INSERT INTO object_department (object_id, district_code, department_code, source,"
            + " rule_id) SELECT o.id, o.district_code, p.department_code, 'RULE', p.rule_id FROM supervised_object o"
            + " JOIN bench_profile p ON p.district_code = o.district_code AND p.kind = o.kind"
            + " AND p.industry_code IS NOT DISTINCT FROM o.industry_code"
            + " AND p.hazards = array_to_string(o.hazards, ',') ON CONFLICT DO NOTHING");
  }

  // ------------------------------------------------------------------ the run

  /** A signed-in browser: its session cookie, kept by the client's cookie manager. */
  record Session(String username, String territory, String department, HttpClient client) {}

  /** A kind of query: who asks and with which parameters. */
  record QueryType(String name, Function<Random, Request> request) {}

  record Request(Session session, Map<String, String> params) {}

  private static final class Run {

    private final int port;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final HttpClient basic = HttpClient.newHttpClient();

    Run(int port, JdbcTemplate jdbc, ObjectMapper json) {
      this.port = port;
      this.jdbc = jdbc;
      this.json = json;
    }

    void run() throws Exception {
      List<String> districts =
          jdbc.queryForList(
              "SELECT code FROM division WHERE level = 'district' ORDER BY code", String.class);
      long t = System.nanoTime();
      Session city = signIn("admin", ADMIN_PASSWORD, "12", null);
      List<Session> districtAdmins = new ArrayList<>();
      List<Session> streetAdmins = new ArrayList<>();
      List<Session> staff = new ArrayList<>();
      Random setup = new Random(11);
      for (String district : districts) {
        districtAdmins.add(user("bench.d" + district, "DISTRICT_ADMIN", district, null));
        // a street with enough objects for page 20 (of 50) to be a full page
        List<String> streets =
            jdbc.queryForList(
                "SELECT street_code FROM supervised_object WHERE district_code = ?"
                    + " GROUP BY street_code HAVING count(*) >= 1050 ORDER BY street_code",
                String.class,
                district);
        if (streets.isEmpty()) {
          streets =
              jdbc.queryForList(
                  "SELECT street_code FROM supervised_object WHERE district_code = ?"
                      + " GROUP BY street_code ORDER BY count(*) DESC LIMIT 1",
                  String.class,
                  district);
        }
        String street = streets.get(setup.nextInt(streets.size()));
        streetAdmins.add(user("bench.s" + street, "STREET_ADMIN", street, null));
        staff.add(user("bench.yj" + district, "DEPARTMENT_STAFF", district, district + "-YJ"));
      }
      System.out.printf(
          Locale.ROOT,
          "Created and signed in %d users through the log-in form in %.1f s%n",
          1 + districtAdmins.size() + streetAdmins.size() + staff.size(),
          seconds(t));

      Map<String, List<String>> gridsOfStreet = new LinkedHashMap<>();
      Map<String, List<String>> villagesOfStreet = new LinkedHashMap<>();
      Map<String, Long> deepPage = new LinkedHashMap<>();
      for (Session s : streetAdmins) {
        // page 20, or the street's last full page when it has fewer
        long objects =
            count(
                jdbc,
                "SELECT count(*) FROM supervised_object WHERE street_code = '"
                    + s.territory()
                    + "'");
        deepPage.put(s.territory(), Math.max(0, Math.min(20, objects / 50 - 1)));
        gridsOfStreet.put(
            s.territory(),
            jdbc.queryForList(
                "SELECT DISTINCT grid_code FROM supervised_object WHERE street_code = ?",
                String.class,
                s.territory()));
        villagesOfStreet.put(
            s.territory(),
            jdbc.queryForList(
                "SELECT name FROM division WHERE parent_code = ? ORDER BY code",
                String.class,
                s.territory()));
      }

      List<QueryType> types =
          List.of(
              new QueryType("city admin, no filter", r -> req(city)),
              new QueryType(
                  "city admin, kind + risk", r -> req(city, "kind", "ENTERPRISE", "risk", "RED")),
              new QueryType("city admin, q (2-char trade)", r -> req(city, "q", trade(r))),
              new QueryType(
                  "city admin, q (4-char name fragment)",
                  r -> req(city, "q", trade(r) + (r.nextBoolean() ? "有限" : "加工"))),
              new QueryType(
                  "city admin, status, page 20",
                  r -> req(city, "status", "OPERATING", "page", "20")),
              new QueryType("district admin, no filter", r -> req(any(r, districtAdmins))),
              new QueryType(
                  "district admin, industry prefix",
                  r -> req(any(r, districtAdmins), "industry", r.nextBoolean() ? "26" : "52")),
              new QueryType(
                  "district admin, risk, page 20",
                  r -> req(any(r, districtAdmins), "risk", "YELLOW", "page", "20")),
              new QueryType(
                  "district admin, department",
                  r -> {
                    Session s = any(r, districtAdmins);
                    return req(s, "department", s.territory() + (r.nextBoolean() ? "-YJ" : "-SC"));
                  }),
              new QueryType(
                  "district admin, status SUSPENDED",
                  r -> req(any(r, districtAdmins), "status", "SUSPENDED")),
              new QueryType(
                  "street admin, no filter, page ≤ 20",
                  r -> {
                    Session s = any(r, streetAdmins);
                    return req(s, "page", String.valueOf(deepPage.get(s.territory())));
                  }),
              new QueryType(
                  "street admin, grid",
                  r -> {
                    Session s = any(r, streetAdmins);
                    List<String> grids = gridsOfStreet.get(s.territory());
                    return req(s, "grid", grids.get(r.nextInt(grids.size())));
                  }),
              new QueryType(
                  "street admin, q (village name)",
                  r -> {
                    Session s = any(r, streetAdmins);
                    String village = any(r, villagesOfStreet.get(s.territory()));
                    // the first two to four characters, as people type them
                    return req(
                        s, "q", village.substring(0, Math.min(village.length(), 2 + r.nextInt(3))));
                  }),
              new QueryType(
                  "department staff, no filter, page 20", r -> req(any(r, staff), "page", "20")),
              new QueryType(
                  "department staff, kind", r -> req(any(r, staff), "kind", "ENTERPRISE")));

      check(types);
      Random random = new Random(2026);
      for (int i = 0; i < WARMUP_ROUNDS; i++) {
        for (QueryType type : types) {
          call(type.request().apply(random));
        }
      }
      Map<String, List<Double>> times = new LinkedHashMap<>();
      types.forEach(type -> times.put(type.name(), new ArrayList<>()));
      long started = System.nanoTime();
      for (int i = 0; i < ROUNDS; i++) {
        for (QueryType type : types) {
          Request request = type.request().apply(random);
          long q = System.nanoTime();
          call(request);
          times.get(type.name()).add((System.nanoTime() - q) / 1e6);
        }
      }
      double elapsed = seconds(started);
      List<Double> all = new ArrayList<>();
      System.out.printf(
          Locale.ROOT,
          "%nGET /api/v1/objects (page of 50 + count) over HTTP with a session cookie, %d timed"
              + " per type after %d warm-up rounds, one client:%n",
          ROUNDS,
          WARMUP_ROUNDS);
      System.out.printf(
          Locale.ROOT,
          "  %-40s %8s %8s %8s %8s%n",
          "query",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms");
      times.forEach(
          (name, ms) -> {
            all.addAll(ms);
            print(name, ms);
          });
      print("ALL", all);
      System.out.printf(
          Locale.ROOT,
          "  one client: %,d requests in %.1f s = %.0f requests/s%n",
          all.size(),
          elapsed,
          all.size() / elapsed);

      // throughput with several clients at once (the machine has 2 cores)
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<List<Double>>> futures = new ArrayList<>();
      long concurrentStart = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        Random r = new Random(100 + c);
        futures.add(
            pool.submit(
                () -> {
                  List<Double> ms = new ArrayList<>();
                  for (int i = 0; i < ROUNDS / 2; i++) {
                    for (QueryType type : types) {
                      Request request = type.request().apply(r);
                      long q = System.nanoTime();
                      call(request);
                      ms.add((System.nanoTime() - q) / 1e6);
                    }
                  }
                  return ms;
                }));
      }
      List<Double> concurrent = new ArrayList<>();
      for (Future<List<Double>> f : futures) {
        concurrent.addAll(f.get());
      }
      double concurrentElapsed = seconds(concurrentStart);
      pool.shutdown();
      System.out.printf(Locale.ROOT, "%n%d clients at once:%n", CLIENTS);
      print("ALL (" + CLIENTS + " clients)", concurrent);
      System.out.printf(
          Locale.ROOT,
          "  %d clients: %,d requests in %.1f s = %.0f requests/s%n",
          CLIENTS,
          concurrent.size(),
          concurrentElapsed,
          concurrent.size() / concurrentElapsed);
      heap();
    }

    /** Prints one query of each type with its total, so the numbers are about real answers. */
    private void check(List<QueryType> types) throws Exception {
      Random r = new Random(1);
      System.out.println("One query of each type (total, exact?):");
      for (QueryType type : types) {
        Request request = type.request().apply(r);
        JsonNode page = json.readTree(call(request));
        System.out.printf(
            Locale.ROOT,
            "  %-40s %-28s %s %,d%s, %d rows%n",
            type.name(),
            request.session().username(),
            request.params(),
            page.get("total").asLong(),
            page.has("totalExact") && !page.get("totalExact").asBoolean() ? "+" : "",
            page.get("objects").size());
      }
    }

    private String call(Request request) throws Exception {
      String query =
          request.params().entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      HttpResponse<String> response =
          request
              .session()
              .client()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + port + "/api/v1/objects?" + query + "&size=50"))
                      .header("Accept", "application/json")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "HTTP " + response.statusCode() + " for " + request + ": " + response.body());
      }
      return response.body();
    }

    private Session user(String username, String role, String territory, String department)
        throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("username", username);
      body.put("displayName", username);
      body.put("role", role);
      body.put("territoryCode", territory);
      if (department != null) {
        body.put("departmentCode", department);
      }
      body.put("password", USER_PASSWORD);
      HttpResponse<String> created =
          basic.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
                  .header("Content-Type", "application/json")
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new AssertionError("user " + username + ": " + created.body());
      }
      return signIn(username, USER_PASSWORD, territory, department);
    }

    /** Signs in through the log-in form, as a browser does; the client keeps the cookie. */
    private Session signIn(String username, String password, String territory, String department)
        throws Exception {
      HttpClient client =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String form =
          client
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
      if (!csrf.find()) {
        throw new AssertionError("no CSRF token in the log-in form");
      }
      String body =
          "username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> login =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String location = login.headers().firstValue("Location").orElse("");
      if (login.statusCode() != 302 || location.contains("login")) {
        throw new AssertionError("sign-in of " + username + " failed: " + location);
      }
      return new Session(username, territory, department, client);
    }

    private static Request req(Session session, String... params) {
      Map<String, String> p = new LinkedHashMap<>();
      for (int i = 0; i < params.length; i += 2) {
        p.put(params[i], params[i + 1]);
      }
      return new Request(session, p);
    }

    private static <T> T any(Random r, List<T> list) {
      return list.get(r.nextInt(list.size()));
    }

    private static String trade(Random r) {
      return TRADES[r.nextInt(TRADES.length)];
    }

    private static void print(String name, List<Double> ms) {
      double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(
          Locale.ROOT,
          "  %-40s %8.1f %8.1f %8.1f %8.1f%n",
          name,
          percentile(sorted, 0.50),
          percentile(sorted, 0.95),
          percentile(sorted, 0.99),
          sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void heap() {
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(
          Locale.ROOT,
          "%nHeap (-Xmx2g, application and benchmark client in one JVM): %,d MB used after GC,"
              + " peak of the heap pools %,d MB%n",
          used >> 20,
          peak >> 20);
    }
  }

  private static int setting(String name, int otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
