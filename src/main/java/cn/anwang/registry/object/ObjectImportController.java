package cn.anwang.registry.object;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.TabularProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/objects/import}: bulk registration from .xlsx or CSV. */
@RestController
@RequestMapping(path = "/api/v1/objects/import", produces = MediaType.APPLICATION_JSON_VALUE)
class ObjectImportController {

  private final ObjectImport imports;

  ObjectImportController(ObjectImport imports) {
    this.imports = imports;
  }

  @Operation(
      summary = "Import objects from an .xlsx or CSV file (multipart part \"file\")",
      description =
          "Columns as in GET /api/v1/objects/import/template (zh-CN headers; English keys and"
              + " common synonyms are recognised). CSV in UTF-8 or GBK/GB18030, detected from the"
              + " bytes. Every row is checked like POST /api/v1/objects, plus duplicates inside the"
              + " file and against the registry (same USCC, or same name and address in the"
              + " district). dryRun=true only reports. mode=ALL_OR_NOTHING (default) writes"
              + " nothing unless every row is valid; mode=VALID_ROWS writes the valid rows and"
              + " reports the others. Reasons are in the Accept-Language (zh or en, default en).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The report: a dry run, or the objects were written"),
        @ApiResponse(
            responseCode = "422",
            description = "The report: rows had problems and nothing was written"),
        @ApiResponse(
            responseCode = "400",
            description = "problem+json: the file cannot be read as a table"),
        @ApiResponse(responseCode = "413", description = "problem+json: the file is too large")
      })
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ObjectImportResult> importFile(
      @RequestPart("file") MultipartFile file,
      @Parameter(description = "Only check and report") @RequestParam(defaultValue = "false")
          boolean dryRun,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") ObjectImport.Mode mode,
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      ObjectImportResult result =
          imports.run(
              new ObjectImport.Request(
                  in,
                  file.getOriginalFilename(),
                  TabularProblems.declaredCharset(file.getContentType()),
                  dryRun,
                  mode,
                  ApiLocale.of(acceptLanguage)));
      return ResponseEntity.status(
              result.dryRun() || result.written()
                  ? HttpStatus.OK
                  : HttpStatus.UNPROCESSABLE_CONTENT)
          .body(result);
    }
  }

  /** The charset a part declared ({@code text/csv; charset=UTF-8}), or null. */
}
