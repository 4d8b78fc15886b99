package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bigrams the import computes in Java are the ones the database's function and trigger compute,
 * so that a search finds imported and typed-in objects alike.
 */
@IntegrationTest
class TextBigramsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void javaAndTheDatabaseAgree() {
    for (String text :
        List.of("化工", "天津华泰化工有限公司", "和平区南京路100号3层205室", "a", "ab\"c\\d", "𠀀𠀁𠀂 津", "aaaa")) {
      TreeSet<String> java = new TreeSet<>(Arrays.asList(TextBigrams.of(text)));
      TreeSet<String> database =
          new TreeSet<>(
              Arrays.asList(
                  jdbc.sql("SELECT supervised_object_bigrams(?)")
                      .param(text)
                      .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                      .single()));
      assertThat(java).as(text).isEqualTo(database);
    }
  }

  @Test
  void theTriggerFillsTheColumnForEveryOtherWriterAndTheImportWritesTheSame() {
    var stored =
        jdbc.sql(
                "SELECT name, address, text_bigrams FROM supervised_object WHERE synthetic"
                    + " ORDER BY id LIMIT 50")
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getString(1), rs.getString(2), (String[]) rs.getArray(3).getArray()
                    })
            .list();
    assertThat(stored).hasSize(50);
    for (Object[] row : stored) {
      assertThat(new TreeSet<>(Arrays.asList((String[]) row[2])))
          .isEqualTo(
              new TreeSet<>(Arrays.asList(TextBigrams.of((String) row[0], (String) row[1]))));
    }
    assertThat(ObjectCopyWriter.arrayLiteral(new String[] {"ab", "c\"", "\\d"}))
        .isEqualTo("{\"ab\",\"c\\\"\",\"\\\\d\"}");
  }
}
