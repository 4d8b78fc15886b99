package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.TabularReader;
import cn.anwang.shared.tabular.TabularSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The object import's template reads back with the import's own columns. */
@IntegrationTest
class ObjectImportTemplateTest {

  @Autowired MockMvc mvc;

  @Test
  void theTemplateIsAnXlsxThatReadsBackWithTheImportColumns() throws Exception {
    byte[] body =
        mvc.perform(
                get("/api/v1/objects/import/template")
                    .with(httpBasic("admin", "admin-test-password")))
            .andExpect(status().isOk())
            .andExpect(content().contentType(ObjectApiController.XLSX))
            .andExpect(
                header().string("Content-Disposition", Matchers.containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    // the template alone is header-only, which an import refuses: fill in one row as a user would
    var filled = new ByteArrayOutputStream();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(ObjectTable.SHEET);
      var row = workbook.getSheetAt(0).createRow(1);
      var columns = ObjectTable.SPEC.columns();
      for (int c = 0; c < columns.size(); c++) {
        row.createCell(c).setCellValue("v-" + columns.get(c).key());
      }
      workbook.write(filled);
    }
    var values = new ArrayList<Map<String, String>>();
    try (TabularSource source =
        TabularReader.open(
            new ByteArrayInputStream(filled.toByteArray()), "template.xlsx", ObjectTable.SPEC)) {
      assertThat(source.sheetName()).isEqualTo(ObjectTable.SHEET);
      for (ColumnSpec column : ObjectTable.SPEC.columns()) {
        assertThat(source.header().has(column.key())).as(column.header()).isTrue();
      }
      source.forEach(
          row -> {
            var read = new LinkedHashMap<String, String>();
            for (ColumnSpec column : ObjectTable.SPEC.columns()) {
              read.put(column.key(), row.get(column.key()));
            }
            values.add(read);
          });
    }
    assertThat(values).hasSize(1);
    ObjectTable.SPEC
        .columns()
        .forEach(c -> assertThat(values.get(0)).containsEntry(c.key(), "v-" + c.key()));
  }
}
