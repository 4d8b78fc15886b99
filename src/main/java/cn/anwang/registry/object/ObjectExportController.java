package cn.anwang.registry.object;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The object list as an {@code .xlsx} download, for API callers ({@code /api/v1/objects/export},
 * HTTP Basic) and for the pages ({@code /objects/export}, the session), with the search's filters
 * as query parameters.
 */
@RestController
class ObjectExportController {

  private final ObjectExport export;

  ObjectExportController(ObjectExport export) {
    this.export = export;
  }

  @Operation(
      summary = "Export the objects in your scope as .xlsx",
      description =
          "The same filters and scope as GET /api/v1/objects, every matching row (no paging). The"
              + " first columns are the import's, so the file can be edited and imported again;"
              + " derived columns (id, district, street, grid, risk, departments, updated) follow."
              + " Contacts are masked unless your role sees them in full. Audited as"
              + " object.export.")
  @GetMapping(
      path = {"/api/v1/objects/export", "/objects/export"},
      produces = ObjectApiController.XLSX)
  void export(@ParameterObject ObjectQuery query, HttpServletResponse response) throws IOException {
    String name = ObjectExport.fileName(LocalDate.now(ObjectService.CHINA));
    response.setContentType(ObjectApiController.XLSX);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    export.write(query, response.getOutputStream());
    response.flushBuffer();
  }

  /**
   * An attachment with an ASCII name for old clients and the real name in RFC 5987 form ({@code
   * 监督管理对象-20261130.xlsx} becomes {@code objects-20261130.xlsx} and {@code
   * filename*=UTF-8''%E7%9B%91...}).
   */
  static String contentDisposition(String name) {
    String ascii = "objects" + name.substring(name.indexOf('-'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
