package cn.anwang.registry.object;

import cn.anwang.area.GridLocator;
import cn.anwang.area.GridsChanged;
import cn.anwang.area.Location;
import cn.anwang.identity.AuditLog;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When grids change, moves the objects of the changed districts that were not placed by hand to the
 * grid their location now falls in (or out of every grid), recording each move.
 *
 * <p>The locate index is rebuilt by {@code area} after the grid change commits; the move must see
 * the new index, so it runs on a worker thread that first waits for the index version to pass the
 * one in use when the change was published.
 */
@Component
class GridReassignment {

  private static final Logger log = LoggerFactory.getLogger(GridReassignment.class);
  private static final long WAIT_FOR_INDEX_MILLIS = 30_000;

  private final ObjectRepository objects;
  private final GridLocator locator;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "registry-grid-reassignment");
            t.setDaemon(true);
            return t;
          });

  GridReassignment(
      ObjectRepository objects,
      GridLocator locator,
      TransactionTemplate transactions,
      AuditLog audit) {
    this.objects = objects;
    this.locator = locator;
    this.transactions = transactions;
    this.audit = audit;
  }

  @EventListener
  void on(GridsChanged event) {
    long indexBefore = locator.indexVersion();
    Runnable task = () -> reassignWhenIndexed(event.districtCodes(), event.reason(), indexBefore);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              worker.execute(task);
            }
          });
    } else {
      worker.execute(task);
    }
  }

  private void reassignWhenIndexed(Set<String> districts, String reason, long indexBefore) {
    try {
      long deadline = System.currentTimeMillis() + WAIT_FOR_INDEX_MILLIS;
      while (locator.indexVersion() <= indexBefore && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      int moved = reassign(districts, "grids." + reason);
      if (moved > 0) {
        log.info("Grids changed ({}): {} objects moved to other grids", reason, moved);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Re-assigning objects after a grid change failed", e);
    }
  }

  /** Re-locates the objects of the districts (all when empty); returns how many moved. */
  int reassign(Set<String> districts, String reason) {
    Integer moved =
        transactions.execute(
            status -> {
              int count = 0;
              List<SupervisedObject> candidates = objects.relocatable(districts);
              for (SupervisedObject o : candidates) {
                Optional<Location> now = locator.locate(o.lon(), o.lat());
                String grid = now.map(l -> l.grid().code()).orElse(null);
                if (Objects.equals(grid, o.gridCode())) {
                  continue;
                }
                objects.move(o, movedTo(o, now.orElse(null)), reason);
                count++;
              }
              if (count > 0) {
                audit.record(
                    "object.grid.reassign",
                    ObjectService.TARGET,
                    null,
                    districts.size() == 1 ? districts.iterator().next() : "12",
                    null,
                    Map.of("moved", count, "districts", districts, "reason", reason));
              }
              return count;
            });
    return moved == null ? 0 : moved;
  }

  /** The object in its new place; out of every grid it keeps its district and street. */
  private static SupervisedObject movedTo(SupervisedObject o, Location l) {
    String district = l == null ? o.districtCode() : l.district().code();
    String street = l == null ? o.streetCode() : l.street().code();
    String village = l == null ? null : l.village() == null ? null : l.village().code();
    String grid = l == null ? null : l.grid().code();
    return new SupervisedObject(
        o.id(),
        district,
        street,
        village,
        village != null ? village : street != null ? street : district,
        grid,
        null,
        null,
        o.kind(),
        o.uscc(),
        o.usccOverrideReason(),
        o.name(),
        o.address(),
        o.lon(),
        o.lat(),
        o.industryCode(),
        o.scale(),
        o.employees(),
        o.hazards(),
        o.contactName(),
        o.contactPhone(),
        o.status(),
        o.directSupervision(),
        o.directSupervisionReason(),
        o.lastAccidentOn(),
        o.riskLevel(),
        o.riskRule(),
        o.riskOverrideLevel(),
        o.riskOverrideReason(),
        o.riskOverrideBy(),
        o.createdAt(),
        o.updatedAt(),
        o.version());
  }

  @PreDestroy
  void stop() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(5, TimeUnit.SECONDS);
  }
}
