package cn.anwang.inspection.checklist;

import cn.anwang.inspection.ChecklistCatalog;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link ChecklistCatalog} over the checklists and the object matching of inspections. */
@Component
class CatalogOfChecklists implements ChecklistCatalog {

  private final Checklists checklists;
  private final ObjectChecklists objectChecklists;

  CatalogOfChecklists(Checklists checklists, ObjectChecklists objectChecklists) {
    this.checklists = checklists;
    this.objectChecklists = objectChecklists;
  }

  @Override
  public Optional<Sheet> forObject(long objectId) {
    return objectChecklists.choose(objectId).map(CatalogOfChecklists::sheet);
  }

  @Override
  public Optional<Sheet> byId(long checklistId) {
    return checklists.find(checklistId).map(CatalogOfChecklists::sheet);
  }

  private static Sheet sheet(Checklist c) {
    return new Sheet(
        c.id(),
        c.code(),
        c.version(),
        c.name(),
        c.items().stream()
            .map(
                i ->
                    new Item(
                        i.key(),
                        i.text(),
                        i.legalBasis() == null ? "" : i.legalBasis(),
                        i.answerType(),
                        i.photoRequired(),
                        i.severity(),
                        i.caseType()))
            .toList());
  }
}
