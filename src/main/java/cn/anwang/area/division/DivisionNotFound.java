package cn.anwang.area.division;

import cn.anwang.shared.web.ApiProblems;
import org.springframework.web.ErrorResponseException;

/** A division that does not exist, or that lies outside the caller's territory. */
final class DivisionNotFound {

  private DivisionNotFound() {}

  static ErrorResponseException forCode(String code) {
    return ApiProblems.notFound("Division", code);
  }
}
