package cn.anwang.outreach.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * The 送达回证 PDF, opened and read: the electronic one names the document, the object and the account
 * that acknowledged it; the in-person one the signer, the officer and carries the drawn signature;
 * an unsigned one says so; in zh-CN and en; other objects' and territories' 404.
 */
@IntegrationTest
class DocumentReceiptTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private DocumentFixture fx;
  private DocumentFixture.Officer officer;
  private String enterprise;
  private long document;

  @BeforeEach
  void publishAndDeliver() throws Exception {
    fx = new DocumentFixture(mvc, json, jdbc);
    officer = fx.officerWithShops();
    enterprise = fx.enterpriseOf(officer.shopA());
    Map<String, Object> targets =
        Map.of("grids", List.of(officer.grid()), "kinds", List.of("SMALL_SHOP"));
    document =
        fx.call(
                "heping.street",
                post("/api/v1/documents"),
                DocumentFixture.document(
                    "关于冬季燃气安全的通知 " + System.nanoTime(),
                    DocumentFixture.TODAY.plusDays(10),
                    targets),
                201)
            .get("id")
            .asLong();
    fx.call(
        enterprise,
        post("/api/v1/my-documents/" + delivery(officer.shopA()) + "/receipt"),
        null,
        200);
  }

  private long delivery(long object) {
    return jdbc.sql("SELECT id FROM outreach_delivery WHERE document_id = ? AND object_id = ?")
        .params(document, object)
        .query(Long.class)
        .single();
  }

  private String staffUrl(long object) {
    return "/api/v1/documents/" + document + "/deliveries/" + delivery(object) + "/receipt.pdf";
  }

  private String text(MockHttpServletResponse r) throws Exception {
    assertThat(r.getContentType()).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(r.getContentAsByteArray())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  private static int images(byte[] bytes) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int n = 0;
      var resources = pdf.getPage(0).getResources();
      for (var name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject) {
          n++;
        }
      }
      return n;
    }
  }

  @Test
  void theElectronicReceiptNamesTheDocumentTheObjectAndTheAccount() throws Exception {
    String title =
        jdbc.sql("SELECT title FROM outreach_document WHERE id = ?")
            .param(document)
            .query(String.class)
            .single();
    MockHttpServletResponse mine =
        fx.response(
            enterprise,
            get("/api/v1/my-documents/" + delivery(officer.shopA()) + "/receipt.pdf"),
            200);
    assertThat(mine.getHeader("Content-Disposition"))
        .startsWith("inline")
        .contains("receipt-" + delivery(officer.shopA()) + ".pdf");
    String zh = text(mine);
    assertThat(zh)
        .contains("送达回证")
        .contains("SD-" + document + "-" + delivery(officer.shopA()))
        .contains(title)
        .contains("和安委办〔2026〕12号")
        .contains("便民小卖部")
        .contains("已签收")
        .contains("电子送达");
    String name =
        jdbc.sql("SELECT display_name FROM app_user WHERE username = ?")
            .param(enterprise)
            .query(String.class)
            .single();
    assertThat(zh).contains(name);

    String en =
        text(fx.response("heping.street", get(staffUrl(officer.shopA())).param("lang", "en"), 200));
    assertThat(en).contains("Proof of delivery").contains("Received").contains("Electronic");
    assertThat(en).doesNotContain("签收期限");
  }

  @Test
  void theInPersonReceiptCarriesTheSignerTheOfficerAndTheSignature() throws Exception {
    Map<String, Object> visit = DocumentFixture.visit(officer.shopB(), "document:" + document);
    Map<String, Object> shop =
        jdbc.sql("SELECT lon, lat FROM supervised_object WHERE id = ?")
            .param(officer.shopB())
            .query()
            .singleRow();
    visit.put("lon", shop.get("lon"));
    visit.put("lat", shop.get("lat"));
    visit.put("accuracyMeters", 12.0);
    fx.call(officer.username(), post("/api/v1/inspections"), visit, 201);
    MockHttpServletResponse r = fx.response("heping.street", get(staffUrl(officer.shopB())), 200);
    String zh = text(r);
    assertThat(zh)
        .contains("五金小店")
        .contains("网格员当面送达")
        .contains("王店长")
        .contains("送达网格员")
        .contains("经度 " + String.format(java.util.Locale.ROOT, "%.6f", shop.get("lon")))
        .doesNotContain("不在对象附近");
    assertThat(images(r.getContentAsByteArray())).isEqualTo(1);
    // the reading is audited
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'document.receipt.read'"
                        + " AND target_id = ?")
                .param("" + delivery(officer.shopB()))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anUnsignedReceiptSaysSoAndOthersSeeNone() throws Exception {
    // the in-person delivery has not happened yet
    assertThat(text(fx.response("heping.admin", get(staffUrl(officer.shopB())), 200)))
        .contains("五金小店")
        .contains("未签收")
        .contains("本回证尚未签收");
    // the enterprise may not read the other shop's, nor the staff list's URL
    fx.response(
        enterprise, get("/api/v1/my-documents/" + delivery(officer.shopB()) + "/receipt.pdf"), 404);
    fx.response(enterprise, get(staffUrl(officer.shopA())), 403);
    // another district, and a delivery under another document's id
    fx.response("xiqing.admin", get(staffUrl(officer.shopA())), 404);
    fx.response(
        "heping.street",
        get(
            "/api/v1/documents/"
                + (document + 100000)
                + "/deliveries/"
                + delivery(officer.shopA())
                + "/receipt.pdf"),
        404);
  }
}
