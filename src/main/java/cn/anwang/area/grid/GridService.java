package cn.anwang.area.grid;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.GridsChanged;
import cn.anwang.area.grid.GridImportValidator.FeatureRejected;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.metrics.ImportTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Grids for the current user: read inside their territory, changed by administrators only. Every
 * change is audited, bumps {@code grid_index_version} and publishes {@link GridsChanged}, all in
 * the changing transaction.
 */
@Service
@Transactional(readOnly = true)
class GridService {

  private final GridRepository grids;
  private final Divisions divisions;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final FeatureCollectionReader reader;
  private final ImportTimer importTimer;

  GridService(
      GridRepository grids,
      Divisions divisions,
      CurrentActor currentActor,
      AuditLog audit,
      ApplicationEventPublisher events,
      ObjectMapper json,
      MeterRegistry meters) {
    this.grids = grids;
    this.divisions = divisions;
    this.currentActor = currentActor;
    this.audit = audit;
    this.events = events;
    this.reader = new FeatureCollectionReader(json);
    this.importTimer = new ImportTimer(meters, "grids");
  }

  /**
   * Imports a GeoJSON FeatureCollection: all features or none.
   *
   * @throws MalformedGeoJson if the body is not a FeatureCollection
   * @throws AccessDeniedException if the caller is no administrator
   */
  @Transactional
  ImportReport importGrids(byte[] body, boolean dryRun, boolean repair) {
    return importTimer.record(
        () -> timedImport(body, dryRun, repair),
        r ->
            r.dryRun()
                ? ImportTimer.Outcome.DRY_RUN
                : r.accepted() ? ImportTimer.Outcome.WRITTEN : ImportTimer.Outcome.REFUSED);
  }

  private ImportReport timedImport(byte[] body, boolean dryRun, boolean repair) {
    Actor actor = requireAdministrator();
    GridImportValidator.Plan plan =
        new GridImportValidator(context(actor))
            .validate(consumer -> reader.read(body, consumer), repair);
    ImportReport report = plan.report(dryRun);
    if (dryRun || !report.accepted() || plan.drafts().isEmpty()) {
      return report;
    }
    List<String> updatedCodes =
        plan.drafts().stream().filter(GridDraft::update).map(GridDraft::code).toList();
    List<GridSnapshot> before =
        updatedCodes.isEmpty()
            ? List.of()
            : grids.findAll(updatedCodes).stream().map(GridSnapshot::of).toList();
    grids.upsert(plan.drafts());
    Set<String> districts = GridImportValidator.districtCodes(plan.drafts());
    audit.record(
        "grid.import",
        "grid",
        null,
        commonDivision(plan.drafts().stream().map(GridDraft::divisionCode).toList()),
        before.isEmpty() ? null : before,
        Map.of(
            "created", report.created(),
            "updated", report.updated(),
            "grids", plan.drafts().stream().map(GridSnapshot::of).toList()));
    changed(districts, "import");
    return report;
  }

  /** A grid inside the caller's territory. */
  GridRow find(String code) {
    Actor actor = currentActor.require();
    return grids
        .find(code)
        .filter(g -> actor.covers(g.divisionCode()))
        .orElseThrow(() -> GridNotFound.forCode(code));
  }

  /**
   * The division whose grids a list or export covers: the requested one if it is inside the
   * caller's territory, else (when none is requested) the territory itself.
   */
  String scopeRoot(String divisionCode) {
    Actor actor = currentActor.require();
    if (divisionCode == null || divisionCode.isBlank()) {
      return actor.scope().territoryCode();
    }
    String code = divisionCode.strip();
    if (!actor.covers(code) || divisions.find(code).isEmpty()) {
      throw GridNotFound.forDivision(code);
    }
    return code;
  }

  /** Every grid under the division (the export), with geometry. */
  List<GridRow> export(String divisionCode) {
    return grids.inSubtree(scopeRoot(divisionCode));
  }

  /** A page of grids under the division matching the text. */
  GridPage search(String divisionCode, String text, int page, int size) {
    String root = scopeRoot(divisionCode);
    String q = text == null ? "" : text.strip();
    int p = Math.max(0, page);
    return new GridPage(grids.search(root, q, p * size, size), grids.count(root, q), p, size);
  }

  /** A page of a grid list. */
  record GridPage(List<GridRow> grids, long total, int page, int size) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /**
   * An edited grid and the warnings an import of it would give now (overlaps with other grids,
   * lying outside its district), each with index -1.
   */
  record Edited(GridRow grid, List<ImportReport.Warning> warnings) {}

  /**
   * Edits a grid's attributes under the import's rules.
   *
   * @param ifMatch the version from an {@code If-Match} header, or null
   */
  @Transactional
  Edited update(String code, GridChanges changes, Integer ifMatch) {
    Actor actor = requireAdministrator();
    GridRow current = find(code);
    checkVersion(current, changes.version(), ifMatch);
    String name = changes.name() == null ? current.name() : changes.name().strip();
    String divisionCode =
        changes.divisionCode() == null ? current.divisionCode() : changes.divisionCode().strip();
    String externalId =
        changes.externalId() == null
            ? current.externalId()
            : changes.externalId().isBlank() ? null : changes.externalId().strip();
    GridType type;
    GridImportValidator validator = new GridImportValidator(context(actor));
    try {
      if (name.isEmpty()) {
        throw FeatureRejected.because("grid.reason.emptyName");
      }
      GridImportValidator.checkName(name);
      type = changes.type() == null ? current.type() : GridImportValidator.gridType(changes.type());
      if (!divisionCode.equals(current.divisionCode())) {
        validator.checkDivision(divisionCode);
      }
    } catch (FeatureRejected e) {
      throw GridEditRejected.because(e.reason());
    }
    if (!grids.updateAttributes(code, name, type, divisionCode, externalId, current.version())) {
      throw GridVersionConflict.forCode(
          code, current.version(), current.version() + 1, ifMatch != null);
    }
    GridRow updated = grids.find(code).orElseThrow();
    audit.record(
        "grid.update",
        "grid",
        code,
        commonDivision(List.of(current.divisionCode(), updated.divisionCode())),
        GridSnapshot.of(current),
        GridSnapshot.of(updated));
    changed(new TreeSet<>(List.of(current.districtCode(), updated.districtCode())), "update");
    GridDraft draft =
        new GridDraft(
            -1,
            updated.code(),
            updated.name(),
            updated.divisionCode(),
            updated.type(),
            updated.externalId(),
            updated.geometry(),
            updated.areaM2(),
            true);
    return new Edited(updated, validator.warningsFor(draft));
  }

  /** Deletes a grid. */
  @Transactional
  void delete(String code, Integer ifMatch) {
    requireAdministrator();
    GridRow current = find(code);
    checkVersion(current, null, ifMatch);
    if (!grids.delete(code, current.version())) {
      throw GridVersionConflict.forCode(
          code, current.version(), current.version() + 1, ifMatch != null);
    }
    audit.record(
        "grid.delete", "grid", code, current.divisionCode(), GridSnapshot.of(current), null);
    changed(Set.of(current.districtCode()), "delete");
  }

  private static void checkVersion(GridRow current, Integer bodyVersion, Integer ifMatch) {
    if (ifMatch != null && ifMatch != current.version()) {
      throw GridVersionConflict.forCode(current.code(), ifMatch, current.version(), true);
    }
    if (bodyVersion != null && bodyVersion != current.version()) {
      throw GridVersionConflict.forCode(current.code(), bodyVersion, current.version(), false);
    }
  }

  /**
   * The smallest division containing all these divisions, so the audit entry is filed where the
   * administrators of every touched division can see it.
   */
  static String commonDivision(List<String> divisionCodes) {
    String prefix = divisionCodes.get(0);
    for (String code : divisionCodes) {
      int i = 0;
      while (i < prefix.length() && i < code.length() && prefix.charAt(i) == code.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    for (int length : new int[] {12, 9, 6}) {
      if (prefix.length() >= length) {
        return prefix.substring(0, length);
      }
    }
    return "12";
  }

  private void changed(Set<String> districtCodes, String reason) {
    grids.bumpIndexVersion();
    events.publishEvent(new GridsChanged(districtCodes, reason));
  }

  /** Whether the caller may change grids at all (inside their territory). */
  boolean mayEdit() {
    return currentActor.current().map(a -> a.role().isAdministrator()).orElse(false);
  }

  private Actor requireAdministrator() {
    Actor actor = currentActor.require();
    if (!actor.role().isAdministrator()) {
      throw new AccessDeniedException("Only city, district and street administrators change grids");
    }
    return actor;
  }

  private ImportContext context(Actor actor) {
    return new ImportContext() {
      @Override
      public Optional<Division> division(String code) {
        return divisions.find(code);
      }

      @Override
      public boolean inTerritory(String divisionCode) {
        return actor.covers(divisionCode);
      }

      @Override
      public Map<String, String> existingDivisionCodes(Collection<String> codes) {
        return grids.divisionCodesOf(codes);
      }

      @Override
      public List<StoredShape> storedGridsIn(Envelope envelope) {
        return grids.shapesIn(envelope);
      }

      @Override
      public Optional<Geometry> districtBoundary(String districtCode) {
        return grids.boundaryOf(districtCode);
      }
    };
  }
}
