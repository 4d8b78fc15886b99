package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The import page: check, then import exactly the file checked; administrators only. */
@IntegrationTest
class ObjectImportPageTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  @Test
  void checksThenImportsOnlyTheFileThatWasChecked() throws Exception {
    String tag = "页导" + System.nanoTime() % 1_000_000;
    double[] p = point();
    String csv =
        ObjectCsvFixture.HEADER
            + "\n,"
            + tag
            + "杂货店,小商铺,"
            + tag
            + "路1号,"
            + p[0]
            + ","
            + p[1]
            + ",F5211,微型,2,,,,在营\n";
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    MockMultipartFile file = new MockMultipartFile("file", "shops.csv", "text/csv", bytes);

    mvc.perform(
            multipart("/objects/import")
                .file(file)
                .param("step", "check")
                .header("X-Anwang-Fragment", "1")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"import-acceptable\"")))
        .andExpect(content().string(containsString("data-sha256=\"" + sha + "\"")))
        .andExpect(content().string(not(containsString("<html"))));
    assertThat(count(tag)).isZero();

    // another file under the checked hash is refused
    MockMultipartFile changed =
        new MockMultipartFile(
            "file",
            "shops.csv",
            "text/csv",
            (csv + ",x,小商铺,y,1,2,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
    mvc.perform(
            multipart("/objects/import")
                .file(changed)
                .param("step", "import")
                .param("checked", sha)
                .header("X-Anwang-Fragment", "1")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"import-error\"")));
    assertThat(count(tag)).isZero();

    mvc.perform(
            multipart("/objects/import")
                .file(file)
                .param("step", "import")
                .param("checked", sha)
                .header("X-Anwang-Fragment", "1")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"import-done\"")));
    assertThat(count(tag)).isEqualTo(1);
  }

  @Test
  void showsAnUnreadableFileInTheUsersLanguage() throws Exception {
    MockMultipartFile html =
        new MockMultipartFile(
            "file",
            "export.xls",
            "application/vnd.ms-excel",
            "<html><table><tr><td>x</td></tr></table></html>".getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/objects/import").file(html).with(csrf()).with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("id=\"import-error-text\"")))
        .andExpect(content().string(containsString("另存为")));
    mvc.perform(
            multipart("/objects/import")
                .file(html)
                .param("lang", "en")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Save")));
  }

  @Test
  void thePageAndTheTemplateAreForAdministratorsAndSignedInUsers() throws Exception {
    mvc.perform(get("/objects/import").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("object-import.js")))
        .andExpect(content().string(containsString("/objects/import/template")));
    mvc.perform(get("/objects/import").with(as("heping.officer")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/objects/import/template").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
  }

  private long count(String tag) {
    return jdbc.sql("SELECT count(*) FROM supervised_object WHERE name LIKE ?")
        .param(tag + "%")
        .query(Long.class)
        .single();
  }

  private double[] point() {
    return jdbc.sql(
            "SELECT lon, lat FROM supervised_object WHERE synthetic AND grid_code IS NOT NULL"
                + " AND district_code = '120101' ORDER BY id LIMIT 1")
        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
        .single();
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
