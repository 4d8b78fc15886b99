package cn.anwang.publicreport.support;

import cn.anwang.shared.web.ApiProblems;
import org.springframework.web.ErrorResponseException;

/** The module's refusals of a field, as the API's problem details (422) naming the field. */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException unprocessable(String field, String detail) {
    return ApiProblems.unprocessable(field, detail);
  }
}
