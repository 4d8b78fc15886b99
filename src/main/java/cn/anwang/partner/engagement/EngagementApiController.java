package cn.anwang.partner.engagement;

import cn.anwang.identity.CurrentActor;
import cn.anwang.partner.refusal.PartnerApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Engagements on the API: {@code /api/v1/partner-engagements}. */
@PartnerApi
@RestController
class EngagementApiController {

  private final CurrentActor actors;
  private final EngagementQueries queries;
  private final Engagements engagements;

  EngagementApiController(CurrentActor actors, EngagementQueries queries, Engagements engagements) {
    this.actors = actors;
    this.queries = queries;
    this.engagements = engagements;
  }

  @GetMapping("/api/v1/partner-engagements")
  List<EngagementQueries.Engagement> list(
      @RequestParam(required = false) Long organisation,
      @RequestParam(required = false) Boolean active) {
    return queries.list(actors.require(), organisation, active);
  }

  @PostMapping("/api/v1/partner-engagements")
  @ResponseStatus(HttpStatus.CREATED)
  EngagementQueries.Engagement create(@RequestBody Engagements.NewEngagement body) {
    return engagements.create(body);
  }

  @GetMapping("/api/v1/partner-engagements/{id}")
  EngagementQueries.Engagement get(@PathVariable long id) {
    return queries.get(id, actors.require());
  }

  record Reason(String reason) {}

  @PostMapping("/api/v1/partner-engagements/{id}/end")
  EngagementQueries.Engagement end(@PathVariable long id, @RequestBody Reason body) {
    return engagements.end(id, body == null ? null : body.reason());
  }
}
