package cn.anwang.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The city the staffing and inspection benchmarks measure, written by SQL over the real division
 * tree: 3–6 grids per village (25,159), objects spread over the grids with a position (3% red, 9%
 * orange, 28% yellow, 60% blue; 2% closed, 1% 直管), 5–27 street officers per street, a village
 * officer in 97% of the villages, and each grid assigned to its village officer (60%) or a street
 * officer, 3% left uncovered.
 */
final class SyntheticWorkforceCity {

  private SyntheticWorkforceCity() {}

  static void write(JdbcTemplate jdbc, int objects, boolean certificates) {
    // 3–6 grids per village; a tiny square as geometry (the figures never read it)
    jdbc.execute(
        "INSERT INTO grid (code, name, division_code, district_code, geometry_wkb, area_m2,"
            + " min_lon, min_lat, max_lon, max_lat, synthetic)"
            + " SELECT v.code || '-G' || lpad(k::text, 2, '0'), v.name || '第' || k || '网格',"
            + " v.code, substr(v.code, 1, 6),"
            + " decode('010300000001000000040000000000000000000000000000000000000000000000"
            + "0000F03F0000000000000000000000000000F03F000000000000F03F000000000000000000000000"
            + "00000000', 'hex'), 1, 0, 0, 1, 1, true"
            + " FROM division v CROSS JOIN LATERAL generate_series(1,"
            + " 3 + (hashtext(v.code) & 2147483647) % 4) k WHERE v.level = 'village'");
    jdbc.execute(
        "CREATE TEMP TABLE bench_grid AS SELECT row_number() OVER (ORDER BY code) - 1 AS n,"
            + " code, division_code FROM grid");
    // objects spread over the grids; 3% red, 9% orange, 28% yellow, 60% blue; 2% closed, 1% 直管
    jdbc.execute(
        "WITH g AS (SELECT i, hashint4(i) & 2147483647 AS h1,"
            + " hashint4(i + 1000003) & 2147483647 AS h2 FROM generate_series(1, "
            + objects
            + ") i)"
            + " INSERT INTO supervised_object (district_code, street_code, village_code,"
            + " division_code, grid_code, kind, name, address, lon, lat, status, direct_supervision,"
            + " direct_supervision_reason, risk_level, risk_rule, text_bigrams, synthetic)"
            + " SELECT substr(b.division_code, 1, 6), substr(b.division_code, 1, 9),"
            + " b.division_code, b.division_code, b.code,"
            + " (ARRAY['ENTERPRISE', 'SMALL_SHOP', 'INDIVIDUAL_BUSINESS', 'HOUSEHOLD'])"
            + "[1 + g.h2 % 4], '基准对象' || g.i, '基准地址' || g.i,"
            + " 116.9 + (g.h1 % 10007) / 10007.0 * 0.6, 38.8 + (g.h2 % 10009) / 10009.0 * 0.6,"
            + " CASE WHEN g.h2 % 50 = 0 THEN 'CLOSED' ELSE 'OPERATING' END,"
            + " g.h2 % 100 = 1, CASE WHEN g.h2 % 100 = 1 THEN 'LARGE_SCALE' END,"
            + " CASE WHEN g.h1 % 100 < 3 THEN 'RED' WHEN g.h1 % 100 < 12 THEN 'ORANGE'"
            + " WHEN g.h1 % 100 < 40 THEN 'YELLOW' ELSE 'BLUE' END, 'DEFAULT',"
            + " ARRAY[]::text[], true"
            + " FROM g JOIN bench_grid b ON b.n = (g.h1 / 100) % (SELECT count(*) FROM bench_grid)");
    // street officers: 5–27 per street (some below, some above the norms)
    jdbc.execute(
        "INSERT INTO officer (district_code, division_code, name, tier, employment, status,"
            + " synthetic)"
            + " SELECT substr(s.code, 1, 6), s.code, s.name || '网格员' || k, 'STREET', 'STAFF',"
            + " 'ACTIVE', true FROM division s CROSS JOIN LATERAL generate_series(1,"
            + " 5 + (hashtext(s.code) & 2147483647) % 23) k WHERE s.level = 'street'");
    // a village officer in 97% of the villages
    jdbc.execute(
        "INSERT INTO officer (district_code, division_code, name, tier, employment, status,"
            + " synthetic)"
            + " SELECT substr(v.code, 1, 6), v.code, v.name || '村居网格员', 'VILLAGE', 'PART_TIME',"
            + " 'ACTIVE', true FROM division v WHERE v.level = 'village'"
            + " AND (hashtext(v.code || 'o') & 2147483647) % 100 >= 3");
    if (certificates) {
      // every officer holds the pre-post certificate (the staffing figures count qualified ones)
      jdbc.execute(
          "INSERT INTO training_certificate (officer_id, course_id, district_code, number,"
              + " issued_on, expires_on)"
              + " SELECT o.id, c.id, o.district_code, 'BENCH-' || o.id, current_date - 100,"
              + " current_date + 600 FROM officer o, training_course c"
              + " WHERE c.code = 'GRID-PRE-POST'");
      jdbc.execute("VACUUM ANALYZE training_certificate");
    }
    // grids: the village officer (60%) or a street officer of the street; 3% left uncovered
    jdbc.execute(
        "CREATE TEMP TABLE bench_street_officer AS SELECT division_code AS street, id,"
            + " row_number() OVER (PARTITION BY division_code ORDER BY id) - 1 AS n,"
            + " count(*) OVER (PARTITION BY division_code) AS of"
            + " FROM officer WHERE tier = 'STREET'");
    jdbc.execute(
        "INSERT INTO officer_assignment (officer_id, grid_code, district_code, grid_division_code,"
            + " starts_on, start_reason, created_by)"
            + " SELECT coalesce(CASE WHEN (hashtext(g.code) & 2147483647) % 100 < 60"
            + " THEN vo.id END, so.id), g.code, substr(g.division_code, 1, 6), g.division_code,"
            + " current_date - 30, 'bench', 'bench'"
            + " FROM grid g LEFT JOIN officer vo ON vo.tier = 'VILLAGE'"
            + " AND vo.division_code = g.division_code"
            + " JOIN bench_street_officer so ON so.street = substr(g.division_code, 1, 9)"
            + " AND so.n = (hashtext(g.code || 's') & 2147483647) % so.of"
            + " WHERE (hashtext(g.code || 'u') & 2147483647) % 100 >= 3");
    jdbc.execute("VACUUM ANALYZE grid");
    jdbc.execute("VACUUM ANALYZE supervised_object");
    jdbc.execute("VACUUM ANALYZE officer");
    jdbc.execute("VACUUM ANALYZE officer_assignment");
  }
}
