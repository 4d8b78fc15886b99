package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.publicreport.intake.Captcha;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Public reports at load, end to end over HTTP (embedded PostgreSQL in a temporary directory, the
 * demo districts' grids and users):
 *
 * <ol>
 *   <li><b>Submissions</b>: citizens arriving at a fixed rate (open loop, {@code BENCH_RATE} per
 *       second for {@code BENCH_SECONDS}), each loading the form (a fresh captcha), fetching the
 *       captcha picture, and posting the report without photos; the answer is read from the token
 *       in process, standing in for the person. The rate limits are raised (every citizen comes
 *       from the loopback address) but still run. Latency is measured from each citizen's scheduled
 *       start, so a stall shows up in the figures instead of lowering the rate.
 *   <li><b>Inbox</b>: {@code BENCH_REPORTS} reports written into 和平区 (120101) across its streets
 *       and statuses, then the street's and the district's inbox pages (first page and deeper
 *       pages, one status and all) over the API from 8 clients.
 * </ol>
 *
 * <p>{@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=cn.anwang.bench.PublicReportBenchmark}
 */
public final class PublicReportBenchmark {

  private static final int RATE = setting("BENCH_RATE", 200);
  private static final int SECONDS = setting("BENCH_SECONDS", 30);
  private static final int REPORTS = setting("BENCH_REPORTS", 100_000);
  private static final Pattern TOKEN =
      Pattern.compile("name=\"captchaToken\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private PublicReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("anwang-report-bench");
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class)
            .run(
                "--server.port=0",
                "--anwang.demo=true",
                "--anwang.demo-cases.seed-on-start=false",
                "--anwang.demo-workforce.seed-on-start=false",
                "--anwang.demo-reports.seed-on-start=false",
                "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
                "--anwang.files.directory=" + data.resolve("files"),
                "--anwang.pii.key-file=" + data.resolve("pii.key"),
                "--anwang.publicreport.per-address-per-minute=100000",
                "--anwang.publicreport.per-address-per-day=1000000",
                "--anwang.publicreport.per-device-per-minute=100000",
                "--server.tomcat.threads.max=200",
                "--logging.level.root=WARN");
    try {
      System.out.printf(
          Locale.ROOT,
          "Java %s, %d processors; application started in %.1f s%n",
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          seconds(t0));
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      submissions(app.getBean(Captcha.class), jdbc, port, data.resolve("postgres"));
      inbox(jdbc, port);
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ------------------------------------------------------------------ submissions

  /** One citizen's browser: its own cookies (device id and CSRF). */
  private static final class Citizen {
    String cookies = "";
    String token;
    String csrf;

    void keep(HttpResponse<?> response) {
      for (String c : response.headers().allValues("Set-Cookie")) {
        String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
        String name = pair.substring(0, pair.indexOf('='));
        StringBuilder kept = new StringBuilder();
        for (String old : cookies.split("; ")) {
          if (!old.isEmpty() && !old.startsWith(name + "=")) {
            kept.append(old).append("; ");
          }
        }
        cookies = kept.append(pair).toString();
      }
    }
  }

  private static void submissions(Captcha captcha, JdbcTemplate jdbc, int port, Path pgData)
      throws Exception {
    double[][] points =
        jdbc
            .queryForList(
                "SELECT lon, lat FROM supervised_object WHERE district_code IN ('120101', '120111')"
                    + " AND lon IS NOT NULL ORDER BY id LIMIT 2000")
            .stream()
            .map(
                m ->
                    new double[] {
                      ((Number) m.get("lon")).doubleValue(), ((Number) m.get("lat")).doubleValue()
                    })
            .toArray(double[][]::new);
    ExecutorService threads = Executors.newFixedThreadPool(256);
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
    String base = "http://127.0.0.1:" + port;
    AtomicLong serial = new AtomicLong();
    Step form =
        (citizen, n) -> {
          HttpResponse<String> page =
              http.send(get(base + "/report", citizen), HttpResponse.BodyHandlers.ofString());
          citizen.keep(page);
          citizen.token = match(TOKEN, page.body());
          citizen.csrf = match(CSRF, page.body());
          return page.statusCode() == 200;
        };
    Step picture =
        (citizen, n) ->
            http.send(
                        get(base + "/report/captcha.png?t=" + citizen.token, citizen),
                        HttpResponse.BodyHandlers.ofByteArray())
                    .statusCode()
                == 200;
    Step post =
        (citizen, n) -> {
          double[] p = points[(int) (n % points.length)];
          String body =
              "_csrf="
                  + enc(citizen.csrf)
                  + "&category=HAZARD&description="
                  + enc("基准举报 第" + n + "条：楼道堆放杂物堵塞消防通道")
                  + "&lon="
                  + p[0]
                  + "&lat="
                  + p[1]
                  + "&coords=WGS84&address="
                  + enc("基准路" + n + "号")
                  + "&anonymous=true&captchaToken="
                  + enc(citizen.token)
                  + "&captchaAnswer="
                  + captcha.answerOf(citizen.token).orElseThrow();
          return http.send(
                      HttpRequest.newBuilder(URI.create(base + "/report"))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .header("Cookie", citizen.cookies)
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 302;
        };
    Step whole =
        (citizen, n) ->
            form.perform(citizen, n) && picture.perform(citizen, n) && post.perform(citizen, n);
    // warm-up: 1,500 whole citizens as fast as 32 clients go
    run(whole, fresh(1_500), 32, 0, serial, null);
    int total = RATE * SECONDS;
    List<Citizen> citizens = fresh(total);
    System.out.printf(
        Locale.ROOT,
        "Citizens: %,d, each loading the form (a new captcha) and its picture, then posting%n",
        total);
    Run forms = run(form, citizens, 16, 0, serial, pgData);
    report("  GET /report (the form, a new captcha), 16 clients", forms);
    Run pictures = run(picture, citizens, 16, 0, serial, pgData);
    report("  GET /report/captcha.png, 16 clients", pictures);
    System.out.printf(
        Locale.ROOT,
        "Submissions: %d per second for %d s, open loop (latency from each one's scheduled start)%n",
        RATE,
        SECONDS);
    long before = jdbc.queryForObject("SELECT count(*) FROM public_report", Long.class);
    long heapBefore = HeapSampler.usedAfterGc(3);
    Run posts;
    long peak;
    try (HeapSampler heap = HeapSampler.start(10)) {
      posts = run(post, citizens, 0, RATE, serial, pgData);
      peak = heap.stop();
    }
    long stored = jdbc.queryForObject("SELECT count(*) FROM public_report", Long.class) - before;
    System.out.printf(
        Locale.ROOT,
        "  %,d accepted in %.1f s = %,.1f accepted/s; failures %d; stored %,d%n",
        posts.ok(),
        posts.seconds(),
        posts.ok() / posts.seconds(),
        posts.failures(),
        stored);
    report("  POST /report (rate limit, captcha check, locate, insert)", posts);
    System.out.printf(
        Locale.ROOT,
        "  Heap: %d MB used after GC before; peak %d MB sampled during; max heap %d MB%n",
        heapBefore >> 20,
        peak >> 20,
        HeapSampler.max() >> 20);
    double perCitizen = forms.cpuMillis() + pictures.cpuMillis() + posts.cpuMillis();
    System.out.printf(
        Locale.ROOT,
        "Whole citizen: %.2f ms CPU (form %.2f + picture %.2f + post %.2f, server, clients and"
            + " PostgreSQL): two fully used cores serve at most %,.0f citizens/s%n",
        perCitizen,
        forms.cpuMillis(),
        pictures.cpuMillis(),
        posts.cpuMillis(),
        2000 / perCitizen);
    threads.shutdownNow();
  }

  private static List<Citizen> fresh(int n) {
    List<Citizen> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new Citizen());
    }
    return list;
  }

  private interface Step {
    boolean perform(Citizen citizen, long n) throws Exception;
  }

  /** Successful steps, failures, wall time, latencies (ns, sorted) and CPU ms per step. */
  private record Run(long ok, long failures, double seconds, long[] latencies, double cpuMillis) {}

  /**
   * Performs {@code step} once for each citizen: with {@code rate} > 0 each starts at its scheduled
   * moment (open loop, up to 400 in flight, latency from the scheduled moment); with {@code rate} =
   * 0 as fast as {@code clients} allow.
   */
  private static Run run(
      Step step, List<Citizen> citizens, int clients, int rate, AtomicLong serial, Path pgData)
      throws Exception {
    long[] latencies = new long[citizens.size()];
    AtomicLong done = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(rate > 0 ? 400 : clients);
    long[] cpuBefore = pgData == null ? null : CpuTime.snapshot(pgData);
    long start = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < citizens.size(); i++) {
      Citizen citizen = citizens.get(i);
      long scheduled = rate > 0 ? start + (long) (i * 1e9 / rate) : 0;
      Runnable one =
          () -> {
            long began = System.nanoTime();
            try {
              if (step.perform(citizen, serial.incrementAndGet())) {
                latencies[(int) done.getAndIncrement()] =
                    System.nanoTime() - (rate > 0 ? scheduled : began);
              } else {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
          };
      all.add(workers.submit(rate > 0 ? () -> waitThen(scheduled, one) : one));
    }
    for (Future<?> f : all) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.MINUTES);
    double cpu = 0;
    if (pgData != null) {
      long[] cpuAfter = CpuTime.snapshot(pgData);
      long pg = cpuAfter[1] < 0 ? 0 : cpuAfter[1] - cpuBefore[1];
      cpu = (cpuAfter[0] - cpuBefore[0] + pg) / 1e6 / Math.max(1, done.get());
    }
    long[] sorted = Arrays.copyOf(latencies, (int) done.get());
    Arrays.sort(sorted);
    return new Run(done.get(), failures.get(), seconds, sorted, cpu);
  }

  private static void waitThen(long at, Runnable r) {
    long wait = at - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    r.run();
  }

  // ------------------------------------------------------------------ inbox

  private static void inbox(JdbcTemplate jdbc, int port) throws Exception {
    long t = System.nanoTime();
    List<String> streets =
        jdbc.queryForList(
            "SELECT code FROM division WHERE parent_code = '120101' ORDER BY code", String.class);
    String[] array = streets.toArray(String[]::new);
    jdbc.update(
        """
        INSERT INTO public_report (tracking_code, channel, category, description, lon, lat, address,
          district_code, street_code, division_code, grid_code, anonymous, text_hash, status,
          submitted_at, updated_at, synthetic)
        SELECT 'BX' || lpad(i::text, 10, '0'), 'WEB',
               (ARRAY['HAZARD','HAZARD','HAZARD','ILLEGAL_OPERATION','ACCIDENT','OTHER'])[1 + h % 6],
               '基准收件箱举报 ' || i, 117.2 + (h % 1000) / 20000.0, 39.12 + (h % 997) / 20000.0,
               '基准路' || i || '号', '120101', s, s, NULL, true, md5(i::text),
               CASE WHEN h % 100 < 10 THEN 'RECEIVED' WHEN h % 100 < 20 THEN 'VERIFIED'
                    WHEN h % 100 < 35 THEN 'IN_HANDLING' WHEN h % 100 < 85 THEN 'CLOSED'
                    WHEN h % 100 < 95 THEN 'REJECTED' ELSE 'MERGED' END,
               now() - (? - i) * interval '5 minutes', now(), true
          FROM (SELECT i, hashint4(i) & 2147483647 AS h,
                       (?::text[])[1 + (hashint4(i + 3) & 2147483647) % ?] AS s
                  FROM generate_series(1, ?) i) g
        """,
        REPORTS, array, array.length, REPORTS);
    jdbc.execute("VACUUM ANALYZE public_report");
    System.out.printf(
        Locale.ROOT,
        "Inbox: wrote %,d reports in 120101 over %d streets in %.1f s (10%% waiting, 5%% merged)%n",
        jdbc.queryForObject(
            "SELECT count(*) FROM public_report WHERE district_code = '120101'", Long.class),
        array.length,
        seconds(t));
    long deepStreet =
        jdbc.queryForObject(
            "SELECT id FROM public_report WHERE street_code = '120101001' AND status = 'RECEIVED'"
                + " ORDER BY id DESC OFFSET 500 LIMIT 1",
            Long.class);
    long deepDistrict =
        jdbc.queryForObject(
            "SELECT id FROM public_report WHERE district_code = '120101' ORDER BY id DESC"
                + " OFFSET 20000 LIMIT 1",
            Long.class);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + port + "/api/v1/public-reports";
    inboxCase(
        http, "heping.street", base + "?status=RECEIVED&limit=50", "street, waiting, first page");
    inboxCase(
        http,
        "heping.street",
        base + "?status=RECEIVED&limit=50&before=" + deepStreet,
        "street, waiting, page 11");
    inboxCase(http, "heping.street", base + "?status=MERGED&limit=50", "street, merged (rare)");
    inboxCase(http, "heping.street", base + "?limit=50", "street, all statuses");
    inboxCase(http, "heping.admin", base + "?status=RECEIVED&limit=50", "district, waiting");
    inboxCase(
        http, "heping.admin", base + "?limit=50&before=" + deepDistrict, "district, all, page 401");
  }

  private static void inboxCase(HttpClient http, String user, String url, String title)
      throws Exception {
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":anwang-demo-2026").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build();
    int rows = -1;
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(title + ": " + r.statusCode() + " " + r.body());
      }
      rows = r.body().split("\"id\":", -1).length - 1;
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<long[]>> parts = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < 8; c++) {
      parts.add(
          pool.submit(
              () -> {
                long[] own = new long[250];
                for (int i = 0; i < own.length; i++) {
                  long a = System.nanoTime();
                  http.send(request, HttpResponse.BodyHandlers.discarding());
                  own[i] = System.nanoTime() - a;
                }
                return own;
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : parts) {
      all.add(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "  %-28s %d rows; 8 clients × 250: %,.0f req/s; ms p50 %.1f, p95 %.1f, p99 %.1f%n",
        title + ":",
        rows,
        sorted.length / seconds,
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99));
  }

  // ------------------------------------------------------------------ helpers

  private static void report(String title, Run r) {
    long[] sorted = r.latencies();
    System.out.printf(
        Locale.ROOT,
        "%s: %,d in %.1f s = %,.0f/s; ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f; CPU %.2f ms each%n",
        title,
        r.ok(),
        r.seconds(),
        r.ok() / r.seconds(),
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        r.cpuMillis());
  }

  private static HttpRequest get(String url, Citizen citizen) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (!citizen.cookies.isEmpty()) {
      b.header("Cookie", citizen.cookies);
    }
    return b.build();
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("not in the form: " + p);
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
        / 1e6;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static int setting(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
  }
}
