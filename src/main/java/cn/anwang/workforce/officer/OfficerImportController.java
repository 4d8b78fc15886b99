package cn.anwang.workforce.officer;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.TabularProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/officers/import}: officers from .xlsx or CSV, all or nothing. */
@RestController
@RequestMapping(path = "/api/v1/officers/import", produces = MediaType.APPLICATION_JSON_VALUE)
class OfficerImportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final OfficerImport imports;

  OfficerImportController(OfficerImport imports) {
    this.imports = imports;
  }

  @Operation(summary = "The zh-CN .xlsx template of the officer import")
  @GetMapping(path = "/template", produces = XLSX)
  ResponseEntity<byte[]> template() {
    return templateDownload();
  }

  static ResponseEntity<byte[]> templateDownload() {
    var out = new ByteArrayOutputStream();
    OfficerImport.template(out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(XLSX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("网格员导入模板.xlsx", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(out.toByteArray());
  }

  @Operation(
      summary = "Import officers from an .xlsx or CSV file (multipart part \"file\")",
      description =
          "Columns 姓名, 手机号, 身份证号, 所属街镇或村居代码, 层级 (街镇/村居), 用工方式"
              + " (在编/政府购买服务/兼职), 执法权 (是/否), 网格编码 (optional; several separated by"
              + " 、 or ;). CSV in UTF-8 or GBK. Every row is checked like POST /api/v1/officers,"
              + " each grid like POST /api/v1/assignments, plus duplicate ID numbers in the file"
              + " and against the registered officers. All or nothing: 422 with the report and"
              + " nothing written when any row has a problem. dryRun=true only reports. Reasons in"
              + " the Accept-Language.")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<OfficerImportResult> importFile(
      @RequestPart("file") MultipartFile file,
      @Parameter(description = "Only check and report") @RequestParam(defaultValue = "false")
          boolean dryRun,
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      OfficerImportResult result =
          imports.run(
              in,
              file.getOriginalFilename(),
              TabularProblems.declaredCharset(file.getContentType()),
              dryRun,
              ApiLocale.of(acceptLanguage));
      return ResponseEntity.status(
              result.dryRun() || result.written()
                  ? HttpStatus.OK
                  : HttpStatus.UNPROCESSABLE_CONTENT)
          .body(result);
    }
  }
}
