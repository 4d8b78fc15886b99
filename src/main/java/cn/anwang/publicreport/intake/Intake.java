package cn.anwang.publicreport.intake;

import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import cn.anwang.publicreport.PublicReportSubmitted;
import cn.anwang.shared.geo.ChinaCoordinates;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import cn.anwang.shared.pii.PhoneNumbers;
import cn.anwang.shared.pii.PiiProtector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a public report: rate limit first (before any other work), then the captcha, the fields,
 * the place (by locate; outside every grid is refused), the duplicate-text check, and one
 * transaction that writes the report and its first public event. A 2xx answer therefore always
 * means the report is committed.
 */
@Service
public class Intake {

  static final Set<String> CATEGORIES = Set.of("HAZARD", "ILLEGAL_OPERATION", "ACCIDENT", "OTHER");

  private final RateLimiter limits;
  private final Captcha captcha;
  private final GridLocator locator;
  private final PiiProtector pii;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final PublicReportProperties properties;
  private final ReportPhotos photos;

  Intake(
      RateLimiter limits,
      Captcha captcha,
      GridLocator locator,
      PiiProtector pii,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      PublicReportProperties properties,
      ReportPhotos photos) {
    this.limits = limits;
    this.captcha = captcha;
    this.locator = locator;
    this.pii = pii;
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
    this.properties = properties;
    this.photos = photos;
  }

  /**
   * The accepted report's tracking code (stored form) and, for an anonymous report through Open311,
   * its claim secret, handed to the partner app once here (a web reporter reads it once on the
   * tracking page instead); null otherwise.
   */
  public record Accepted(long id, String trackingCode, String claimSecret) {}

  /**
   * @param clientAddress the caller's address as the server sees it (never stored in clear)
   * @param deviceId the page's device cookie, or null
   */
  public Accepted submit(Submission s, String clientAddress, String deviceId) {
    return submit(s, List.of(), clientAddress, deviceId);
  }

  /** The same with photos (at most five; all checked before anything is kept). */
  Accepted submit(
      Submission s, List<ReportPhotos.Upload> uploads, String clientAddress, String deviceId) {
    String clientHash = pii.hash("client:" + clientAddress);
    String deviceHash =
        deviceId == null || deviceId.isBlank() ? null : pii.hash("device:" + deviceId);
    limits
        .take(clientHash, deviceHash)
        .ifPresent(
            wait -> {
              throw new Throttled(wait);
            });
    switch (captcha.verify(s.captchaToken(), s.captchaAnswer())) {
      case PASSED -> {}
      case EXPIRED -> throw new IntakeRejected("captchaAnswer", "publicreport.rule.captchaExpired");
      case REPLAYED -> throw new IntakeRejected("captchaAnswer", "publicreport.rule.captchaUsed");
      default -> throw new IntakeRejected("captchaAnswer", "publicreport.rule.captchaWrong");
    }
    return accept(s, uploads, "WEB", clientHash, deviceHash, null);
  }

  /**
   * A report from a partner app through Open311: its API key stands in for the captcha; the rate
   * limits apply per key and device (the app's {@code device_id}, else the caller's address).
   */
  public Accepted submitFromPartner(
      Submission s, long keyId, String clientAddress, String deviceId) {
    String clientHash = pii.hash("client:" + clientAddress);
    String deviceHash =
        pii.hash(
            "open311:"
                + keyId
                + ":"
                + (deviceId == null || deviceId.isBlank() ? clientAddress : deviceId));
    limits
        .take(deviceHash, null)
        .ifPresent(
            wait -> {
              throw new Throttled(wait);
            });
    return accept(s, List.of(), "OPEN311", clientHash, deviceHash, keyId);
  }

  private Accepted accept(
      Submission s,
      List<ReportPhotos.Upload> uploads,
      String channel,
      String clientHash,
      String deviceHash,
      Long keyId) {
    if (s.category() == null || !CATEGORIES.contains(s.category())) {
      throw new IntakeRejected("category", "publicreport.rule.category");
    }
    String description = s.description() == null ? "" : s.description().strip();
    if (description.isEmpty()) {
      throw new IntakeRejected("description", "publicreport.rule.descriptionRequired");
    }
    if (description.length() > properties.maxDescriptionLength()) {
      throw new IntakeRejected("description", "publicreport.rule.descriptionTooLong");
    }
    String address = s.address() == null || s.address().isBlank() ? null : s.address().strip();
    if (address != null && address.length() > 300) {
      throw new IntakeRejected("address", "publicreport.rule.addressTooLong");
    }
    String name = null;
    String phone = null;
    if (!s.anonymous()) {
      name = s.name() == null ? "" : s.name().strip();
      if (name.isEmpty() || name.length() > 50) {
        throw new IntakeRejected("name", "publicreport.rule.name");
      }
      phone = PhoneNumbers.normalise(s.phone());
      if (!PhoneNumbers.isValid(phone)) {
        throw new IntakeRejected("phone", "publicreport.rule.phone");
      }
      if (!s.consent()) {
        throw new IntakeRejected("consent", "publicreport.rule.consent");
      }
    }
    List<ReportPhotos.Checked> checked = photos.check(uploads);
    GeoPoint point = point(s);
    Location place =
        locator
            .locate(point.lon(), point.lat())
            .orElseThrow(() -> new IntakeRejected("lon", "publicreport.rule.outsideArea"));
    String textHash = textHash(s.category(), description);
    Instant now = Instant.now();
    String storedName = name == null ? null : Base64.getEncoder().encodeToString(pii.encrypt(name));
    String storedPhone =
        phone == null ? null : Base64.getEncoder().encodeToString(pii.encrypt(phone));
    // an anonymous reporter may claim a reward with the code and this secret, shown once: on the
    // web by the tracking page (so kept encrypted until then), through Open311 in the answer
    String secret = s.anonymous() ? TrackingCodes.secret() : null;
    boolean web = "WEB".equals(channel);
    String storedSecret =
        secret == null || !web ? null : Base64.getEncoder().encodeToString(pii.encrypt(secret));
    photos.store(checked);
    return tx.execute(
        status -> {
          boolean duplicate =
              jdbc.sql(
                      "SELECT EXISTS (SELECT 1 FROM public_report WHERE text_hash = ?"
                          + " AND submitted_at > ? AND client_hash = ?)")
                  .params(
                      textHash, Timestamp.from(now.minus(properties.duplicateWindow())), clientHash)
                  .query(Boolean.class)
                  .single();
          if (duplicate) {
            throw new IntakeRejected("description", "publicreport.rule.duplicate");
          }
          // 31^12 codes: a collision would fail the unique key and the submitter may retry
          String code = TrackingCodes.next();
          long id =
              jdbc.sql(
                      """
                          INSERT INTO public_report (tracking_code, channel, category, description,
                            lon, lat, address, district_code, street_code, village_code,
                            division_code, grid_code, anonymous, reporter_name_enc,
                            reporter_phone_enc, consent_at, client_hash, device_hash, text_hash,
                            submitted_at, updated_at, open311_key_id, claim_secret_hash,
                            claim_secret_enc)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                  ?, ?)
                          RETURNING id
                          """)
                  .params(
                      code,
                      channel,
                      s.category(),
                      description,
                      point.lon(),
                      point.lat(),
                      address,
                      place.district().code(),
                      place.street().code(),
                      place.village() == null ? null : place.village().code(),
                      place.divisionCode(),
                      place.grid().code(),
                      s.anonymous(),
                      storedName,
                      storedPhone,
                      s.anonymous() ? null : Timestamp.from(now),
                      clientHash,
                      deviceHash,
                      textHash,
                      Timestamp.from(now),
                      Timestamp.from(now),
                      keyId,
                      secret == null ? null : TrackingCodes.secretHash(pii, code, secret),
                      storedSecret)
                  .query(Long.class)
                  .single();
          jdbc.sql(
                  "INSERT INTO public_report_event (report_id, district_code, at, kind, status)"
                      + " VALUES (?, ?, ?, 'SUBMITTED', 'RECEIVED')")
              .params(id, place.district().code(), Timestamp.from(now))
              .update();
          photos.insert(id, place.district().code(), checked);
          events.publishEvent(
              new PublicReportSubmitted(
                  id, code, place.district().code(), place.street().code(), s.category(), now));
          return new Accepted(id, code, web ? null : secret);
        });
  }

  private static GeoPoint point(Submission s) {
    double lon;
    double lat;
    try {
      lon = Double.parseDouble(s.lon().strip());
      lat = Double.parseDouble(s.lat().strip());
    } catch (NullPointerException | NumberFormatException e) {
      throw new IntakeRejected("lon", "publicreport.rule.placeRequired");
    }
    if (!Double.isFinite(lon)
        || !Double.isFinite(lat)
        || Math.abs(lon) > 180
        || Math.abs(lat) > 90) {
      throw new IntakeRejected("lon", "publicreport.rule.placeRequired");
    }
    CoordinateSystem crs =
        s.coords() == null || s.coords().isBlank()
            ? CoordinateSystem.WGS84
            : CoordinateSystem.parse(s.coords())
                .orElseThrow(() -> new IntakeRejected("coords", "publicreport.rule.coords"));
    return ChinaCoordinates.toWgs84(new GeoPoint(lon, lat), crs);
  }

  /** The duplicate-text key of a report: category and text with whitespace folded. */
  public static String textHash(String category, String description) {
    return sha256(category + "\n" + description.strip().replaceAll("\\s+", " "));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
