package cn.anwang.publicreport.open311;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Open311 API keys: {@code /api/v1/open311-keys} for city and district administrators. */
@RestController
@RequestMapping("/api/v1/open311-keys")
class ApiKeyApiController {

  private final ApiKeys keys;

  ApiKeyApiController(ApiKeys keys) {
    this.keys = keys;
  }

  record NewKey(String name) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeys.Made make(@RequestBody NewKey body) {
    return keys.make(body.name());
  }

  @GetMapping
  List<ApiKeys.Key> list() {
    return keys.list();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id) {
    keys.revoke(id);
  }
}
