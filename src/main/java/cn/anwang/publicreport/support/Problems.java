package cn.anwang.publicreport.support;

import cn.anwang.shared.web.ApiProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The module's refusals of a field, as the API's problem details (422) naming the field. */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException unprocessable(String field, String detail) {
    var e =
        ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rejected", field + ": " + detail);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", detail);
    e.getBody().setProperty("errors", List.of(error));
    return e;
  }
}
