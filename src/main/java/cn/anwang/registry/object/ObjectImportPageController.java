package cn.anwang.registry.object;

import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.tabular.TabularException;
import cn.anwang.shared.web.TabularProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The object import page: choose a file, check it (a dry run with the row-by-row report), then
 * import it. The file stays in the browser between the two steps and is sent again; the import step
 * refuses a file whose SHA-256 differs from the one checked, so what is imported is what was
 * checked, and no upload is kept on any server.
 */
@Controller
class ObjectImportPageController {

  static final DataSize MAX = DataSize.ofMegabytes(100);

  private final ObjectImport imports;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  ObjectImportPageController(
      ObjectImport imports, CurrentActor currentActor, MessageSource messages) {
    this.imports = imports;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  @GetMapping("/objects/import")
  String form(Model model) {
    requireAdministrator();
    model.addAttribute("maxMb", MAX.toMegabytes());
    model.addAttribute("maxBytes", MAX.toBytes());
    return "registry/import";
  }

  /** The template for people logged in to the pages (the API's copy needs HTTP Basic). */
  @GetMapping("/objects/import/template")
  ResponseEntity<byte[]> template() {
    return ObjectApiController.templateDownload();
  }

  /**
   * Checks ({@code step=check}) or imports ({@code step=import}) the file. Answers the result
   * fragment to the page's script, the whole page to a browser without it.
   */
  @PostMapping("/objects/import")
  String run(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "check") String step,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") ObjectImport.Mode mode,
      @RequestParam(required = false) String checked,
      Locale locale,
      HttpServletRequest request,
      Model model)
      throws IOException {
    requireAdministrator();
    boolean fragment = request.getHeader("X-Anwang-Fragment") != null;
    model.addAttribute("maxMb", MAX.toMegabytes());
    model.addAttribute("maxBytes", MAX.toBytes());
    model.addAttribute("fileName", file.getOriginalFilename());
    model.addAttribute("mode", mode);
    String view = fragment ? "registry/import :: result" : "registry/import";
    if (file.isEmpty()) {
      model.addAttribute("error", "registry.import.page.empty");
      return view;
    }
    String sha256 = sha256(file);
    boolean importing = "import".equals(step);
    // constant-time comparison (SpotBugs UNSAFE_HASH_EQUALS), although the hash is no secret
    if (importing
        && (checked == null
            || !MessageDigest.isEqual(
                sha256.getBytes(StandardCharsets.US_ASCII),
                checked.getBytes(StandardCharsets.US_ASCII)))) {
      model.addAttribute("error", "registry.import.page.changed");
      return view;
    }
    try (InputStream in = file.getInputStream()) {
      ObjectImportResult result =
          imports.run(
              new ObjectImport.Request(
                  in,
                  file.getOriginalFilename(),
                  TabularProblems.declaredCharset(file.getContentType()),
                  !importing,
                  mode,
                  locale));
      model.addAttribute("report", result);
      if (!importing && result.acceptable()) {
        model.addAttribute("sha256", sha256);
      }
    } catch (TabularException e) {
      model.addAttribute("errorText", messages.getMessage(e, locale));
    }
    return view;
  }

  private void requireAdministrator() {
    if (!currentActor.require().role().isAdministrator()) {
      throw new AccessDeniedException("Only administrators import objects");
    }
  }

  private static String sha256(MultipartFile file) throws IOException {
    try (InputStream in =
        new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
