package cn.anwang.publicreport.demo;

import cn.anwang.area.GridLocator;
import cn.anwang.area.Grids;
import cn.anwang.area.Location;
import cn.anwang.casework.DemoCaseHistory;
import cn.anwang.publicreport.intake.TrackingCodes;
import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.pii.PiiProtector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: four months of public reports in each demo district, half of them in the demo
 * street: the newest still waiting for the street, some not accepted with a reason, duplicates
 * merged into an earlier report nearby, and the rest verified into cases that casework plays
 * through its real state machine ({@link DemoCaseHistory}), the report following its case to
 * handling, closure or voiding with the public events a reporter would have seen. About a third are
 * named (name and phone encrypted like any other). Idempotent per district (an advisory lock keeps
 * two servers apart); {@code anwang.demo-reports.seed-on-start=false} leaves it to a test.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 30)
@ConditionalOnBooleanProperty("anwang.demo")
class DemoReportsRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoReportsRunner.class);
  private static final long LOCK = 0x5055_424C_5245_5054L; // "PUBLREPT"

  /** A point and the grid, village, street and district that cover it. */
  record Spot(double lon, double lat, Location place) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Grids grids;
  private final GridLocator locator;
  private final DemoCaseHistory cases;
  private final PiiProtector pii;
  private final boolean seedOnStart;
  private final int perDistrict;

  DemoReportsRunner(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Grids grids,
      GridLocator locator,
      DemoCaseHistory cases,
      PiiProtector pii,
      @Value("${anwang.demo-reports.seed-on-start:true}") boolean seedOnStart,
      @Value("${anwang.demo-reports.per-district:60}") int perDistrict) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.grids = grids;
    this.locator = locator;
    this.cases = cases;
    this.pii = pii;
    this.seedOnStart = seedOnStart;
    this.perDistrict = perDistrict;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!seedOnStart) {
      return;
    }
    for (String district : List.of("120101", "120111")) {
      transactions.executeWithoutResult(status -> seed(district, Instant.now()));
    }
  }

  /** Seeds one district's reports up to {@code now}; the number written (0 when skipped). */
  int seed(String district, Instant now) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
    boolean seeded =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM public_report WHERE synthetic AND district_code = ?)")
            .param(district)
            .query(Boolean.class)
            .single();
    Grids.Extent extent = grids.extentOf(district).orElse(null);
    if (seeded || extent == null) {
      return 0;
    }
    long started = System.nanoTime();
    Random r = new Random(Long.parseLong(district) * 17 + 3);
    String demoStreet = district + "001";
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < perDistrict; i++) {
      times.add(citizenMoment(now.minus(Duration.ofDays(r.nextInt(120))), r));
    }
    times.sort(null);
    DemoReportWriter writer = new DemoReportWriter(jdbc);
    int written = 0;
    for (int i = 0; i < times.size(); i++) {
      Instant submitted = times.get(i);
      if (submitted.isAfter(now)) {
        continue;
      }
      Spot spot = point(extent, r, i % 2 == 0 ? demoStreet : null);
      if (spot == null) {
        continue;
      }
      DemoReportWriter.Report report = report(spot, submitted, r);
      written += fate(writer, report, now, r);
    }
    log.info(
        "Demo public reports in {}: {} written in {} ms",
        district,
        written,
        (System.nanoTime() - started) / 1_000_000);
    return written;
  }

  private DemoReportWriter.Report report(Spot spot, Instant submitted, Random r) {
    String category = DemoReportTexts.category(r);
    boolean named = r.nextInt(100) < 35;
    return new DemoReportWriter.Report(
        TrackingCodes.next(),
        category,
        DemoReportTexts.text(category, r),
        spot,
        spot.place().street().name() + DemoReportTexts.pick(DemoReportTexts.ADDRESSES, r),
        named ? sealed(DemoReportTexts.pick(DemoReportTexts.NAMES, r)) : null,
        named ? sealed("139" + String.format("%08d", r.nextInt(100_000_000))) : null,
        submitted);
  }

  /** Decides and writes what became of a report (and of a duplicate of it); reports written. */
  private int fate(DemoReportWriter writer, DemoReportWriter.Report report, Instant now, Random r) {
    Instant verified = report.submittedAt().plus(Duration.ofMinutes(120 + r.nextInt(28 * 60)));
    int n = r.nextInt(100);
    if (verified.isAfter(now) || n < 8) {
      writer.received(report);
      return 1;
    }
    if (n < 20) {
      writer.rejected(report, verified, DemoReportTexts.pick(DemoReportTexts.REJECTIONS, r));
      return 1;
    }
    String type = caseType(report.category(), r);
    String d = report.description();
    DemoCaseHistory.Played played =
        cases.playAt(
            type,
            "PUBLIC_REPORT",
            report.spot().lon(),
            report.spot().lat(),
            report.address(),
            "群众举报：" + (d.length() > 40 ? d.substring(0, 40) + "…" : d),
            d,
            verified,
            now,
            r.nextLong());
    long primary =
        writer.verified(
            report, verified, DemoReportTexts.pick(DemoReportTexts.NOTES, r), type, played);
    // a neighbour reports the same thing a little later, and the street merges it
    Instant dupAt = report.submittedAt().plus(Duration.ofMinutes(60 + r.nextInt(20 * 60)));
    Instant mergedAt = dupAt.plus(Duration.ofMinutes(30 + r.nextInt(180)));
    Instant closed = closedAt(played);
    if (r.nextInt(100) < 25
        && mergedAt.isBefore(now)
        && (closed == null || mergedAt.isBefore(closed))) {
      Spot near = nearby(report.spot(), r);
      if (near != null) {
        DemoReportWriter.Report dup =
            new DemoReportWriter.Report(
                TrackingCodes.next(),
                report.category(),
                DemoReportTexts.text(report.category(), r),
                near,
                report.address(),
                null,
                null,
                dupAt);
        writer.merged(dup, primary, mergedAt);
        return 2;
      }
    }
    return 1;
  }

  private static Instant closedAt(DemoCaseHistory.Played played) {
    return played.steps().stream()
        .filter(s -> "CLOSED".equals(s.status()) || "VOIDED".equals(s.status()))
        .map(DemoCaseHistory.Step::at)
        .findFirst()
        .orElse(null);
  }

  private static String caseType(String category, Random r) {
    return switch (category) {
      case "HAZARD" -> r.nextInt(100) < 10 ? "MAJOR_HAZARD" : "GENERAL_HAZARD";
      case "ILLEGAL_OPERATION" -> "ILLEGAL_OPERATION";
      case "ACCIDENT" -> "ACCIDENT";
      default -> "OTHER";
    };
  }

  /** A random point of the district's extent that a grid covers (in {@code street} if given). */
  private Spot point(Grids.Extent e, Random r, String street) {
    for (int attempt = 0; attempt < 5_000; attempt++) {
      double lon = e.minLon() + r.nextDouble() * (e.maxLon() - e.minLon());
      double lat = e.minLat() + r.nextDouble() * (e.maxLat() - e.minLat());
      Location place = locator.locate(lon, lat).orElse(null);
      if (place != null && (street == null || street.equals(place.street().code()))) {
        return new Spot(lon, lat, place);
      }
    }
    return null;
  }

  /** A point 20–150 m from {@code p} that is still in a grid of the same district. */
  private Spot nearby(Spot p, Random r) {
    for (int attempt = 0; attempt < 20; attempt++) {
      double metres = 20 + r.nextInt(130);
      double angle = r.nextDouble() * 2 * Math.PI;
      double lat = p.lat() + metres * Math.cos(angle) / 111_320.0;
      double lon =
          p.lon() + metres * Math.sin(angle) / (111_320.0 * Math.cos(Math.toRadians(p.lat())));
      Location place = locator.locate(lon, lat).orElse(null);
      if (place != null && place.district().code().equals(p.place().district().code())) {
        return new Spot(lon, lat, place);
      }
    }
    return null;
  }

  /** Citizens write at any hour from 7:00 to 23:00 Beijing time. */
  private static Instant citizenMoment(Instant day, Random r) {
    return day.atZone(cn.anwang.shared.calendar.WorkingCalendar.CHINA)
        .toLocalDate()
        .atTime(7, 0)
        .plusMinutes(r.nextInt(16 * 60))
        .atZone(cn.anwang.shared.calendar.WorkingCalendar.CHINA)
        .toInstant();
  }

  private String sealed(String text) {
    return Base64.getEncoder().encodeToString(pii.encrypt(text));
  }
}
