package cn.anwang.outreach.document;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise user's pages: {@code /documents/mine} (the documents sent to its objects) and
 * {@code /documents/mine/{deliveryId}} (read it — the first reading is recorded — and acknowledge
 * receipt, 签收).
 */
@Controller
class MyDocumentPageController {

  private final MyDocuments mine;

  MyDocumentPageController(MyDocuments mine) {
    this.mine = mine;
  }

  @GetMapping("/documents/mine")
  String list(Model model) {
    model.addAttribute("items", mine.list());
    return "outreach/mine";
  }

  @GetMapping("/documents/mine/{deliveryId}")
  String open(@PathVariable long deliveryId, Model model) {
    model.addAttribute("o", mine.open(deliveryId));
    return "outreach/mine-document";
  }

  @PostMapping("/documents/mine/{deliveryId}/receipt")
  String acknowledge(@PathVariable long deliveryId, RedirectAttributes redirect) {
    mine.acknowledge(deliveryId);
    redirect.addFlashAttribute("acknowledged", true);
    return "redirect:/documents/mine/" + deliveryId;
  }
}
