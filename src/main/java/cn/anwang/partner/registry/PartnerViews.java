package cn.anwang.partner.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the registry answers. */
public final class PartnerViews {

  private PartnerViews() {}

  /**
   * @param status VALID, EXPIRING (within the warning days) or EXPIRED, on today's date in Beijing
   * @param daysLeft days until it lapses (negative once lapsed)
   */
  public record Qualification(
      long id,
      String type,
      String certificateNo,
      String scope,
      String issuer,
      LocalDate validFrom,
      LocalDate validTo,
      String status,
      long daysLeft) {}

  /** A contact; {@code phone} is masked unless the caller keeps the organisation. */
  public record Contact(long id, String name, String duty, String phone) {}

  public record Organisation(
      long id,
      String uscc,
      String name,
      String address,
      String registeredDistrict,
      boolean blacklisted,
      String blacklistReason,
      Instant blacklistedAt,
      String warning,
      List<Qualification> qualifications,
      List<Contact> contacts,
      int version) {}

  /** A qualification about to lapse or lapsed, with its organisation. */
  public record Expiring(long organisationId, String organisation, Qualification qualification) {}
}
