package cn.anwang.publicreport;

import cn.anwang.shared.pii.PiiProtector;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public reports written straight into the table for tests of what comes after intake: at the point
 * of the first demo object of 劝业场街道 (120101001), moved north by some metres.
 */
public final class ReportFixture {

  public record Made(long id, String code) {}

  private final JdbcClient jdbc;
  private final PiiProtector pii;

  public ReportFixture(JdbcClient jdbc, PiiProtector pii) {
    this.jdbc = jdbc;
    this.pii = pii;
  }

  /**
   * @param name the reporter's name (phone 13912345678), or null for an anonymous report
   */
  public Made report(String category, double metresNorth, String name) {
    var p =
        jdbc.sql(
                """
                SELECT o.lon, o.lat, o.grid_code, o.village_code, g.division_code
                  FROM supervised_object o JOIN grid g ON g.code = o.grid_code
                 WHERE o.street_code = '120101001' AND o.lon IS NOT NULL ORDER BY o.id LIMIT 1
                """)
            .query()
            .singleRow();
    String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO public_report (tracking_code, channel, category, description, lon, lat,
                  address, district_code, street_code, village_code, division_code, grid_code,
                  anonymous, reporter_name_enc, reporter_phone_enc, text_hash)
                VALUES (?, 'WEB', ?, ?, ?, ?, '和平路', '120101', '120101001', ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """)
            .params(
                code.toString(),
                category,
                "测试举报 " + UUID.randomUUID(),
                ((Number) p.get("lon")).doubleValue(),
                ((Number) p.get("lat")).doubleValue() + metresNorth / 111_320.0,
                p.get("village_code"),
                p.get("division_code"),
                p.get("grid_code"),
                name == null,
                name == null ? null : sealed(name),
                name == null ? null : sealed("13912345678"),
                UUID.randomUUID().toString())
            .query(Long.class)
            .single();
    return new Made(id, code.toString());
  }

  public String statusOf(long id) {
    return jdbc.sql("SELECT status FROM public_report WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private String sealed(String text) {
    return Base64.getEncoder().encodeToString(pii.encrypt(text));
  }
}
