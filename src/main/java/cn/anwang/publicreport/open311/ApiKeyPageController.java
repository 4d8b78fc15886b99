package cn.anwang.publicreport.open311;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/open311-keys}: the partner apps' keys for city and district administrators. A new
 * key is shown on the answer that made it and never again.
 */
@Controller
class ApiKeyPageController {

  private final ApiKeys keys;

  ApiKeyPageController(ApiKeys keys) {
    this.keys = keys;
  }

  @GetMapping("/admin/open311-keys")
  String list(Model model) {
    model.addAttribute("keys", keys.list());
    return "publicreport/open311-keys";
  }

  @PostMapping("/admin/open311-keys")
  String make(@RequestParam(required = false) String name, Model model, RedirectAttributes r) {
    try {
      model.addAttribute("made", keys.make(name));
    } catch (ErrorResponseException e) {
      if (e.getStatusCode() != HttpStatus.BAD_REQUEST) {
        throw e;
      }
      model.addAttribute("invalidName", true);
    }
    return list(model);
  }

  @PostMapping("/admin/open311-keys/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    keys.revoke(id);
    redirect.addFlashAttribute("revoked", id);
    return "redirect:/admin/open311-keys";
  }
}
