package cn.anwang.publicreport.reward;

import cn.anwang.shared.web.ApiProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The reward module's refusals, as the API's problem details with the field at fault. */
final class RewardProblems {

  private RewardProblems() {}

  static ErrorResponseException unprocessable(String field, String detail) {
    var e =
        ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rejected", field + ": " + detail);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", detail);
    e.getBody().setProperty("errors", List.of(error));
    return e;
  }
}
