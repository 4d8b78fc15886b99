package cn.anwang.workforce.training;

import cn.anwang.shared.tabular.ImportTemplate;
import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.TabularProblems;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

/** {@code /api/v1/training/import}: training records from .xlsx or CSV, and its template. */
@RestController
@RequestMapping("/api/v1/training/import")
class TrainingImportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final TrainingImport imports;

  TrainingImportController(TrainingImport imports) {
    this.imports = imports;
  }

  @Operation(
      summary = "Import training records (multipart part \"file\"), all or nothing",
      description =
          "One attendance a row: 网格员编号, 姓名, 课程代码, 培训日期, 地点, 授课人, 是否出勤, 考试成绩."
              + " 200 with the report (dry run, or written); 422 with the report when a row has a"
              + " problem (nothing written); 400/413 problem+json when the file is not a table.")
  @PostMapping(
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TrainingImport.Result> importFile(
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      TrainingImport.Result result =
          imports.run(
              in,
              file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
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

  @Operation(summary = "The zh-CN .xlsx fill-in template of the training import")
  @GetMapping("/template")
  ResponseEntity<byte[]> template() {
    var out = new ByteArrayOutputStream();
    ImportTemplate.write(out, "培训记录", TrainingImport.SPEC);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("培训记录导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(out.toByteArray());
  }
}
