package cn.anwang.area.division;

import cn.anwang.identity.Territories;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Offers the division tree to identity, which scopes users by territory. */
@Component
class TerritoryDirectory implements Territories {

  private final DivisionRepository divisions;

  TerritoryDirectory(DivisionRepository divisions) {
    this.divisions = divisions;
  }

  @Override
  public Optional<Territory> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return divisions.find(code).map(d -> new Territory(d.code(), d.name(), d.level().key()));
  }
}
