package cn.anwang.registry.object;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import cn.anwang.shared.tabular.XlsxExport;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The object list of the current user as an {@code .xlsx} file: the same filters and scope as the
 * search, every matching row streamed from a database cursor into a streaming workbook, so memory
 * stays flat whatever the row count. The first columns are the import's, formatted as the import
 * reads them; derived columns follow. Contacts are masked unless the role may see them in full.
 * Every export is audited with its filters, row count and whether contacts were revealed.
 */
@Service
class ObjectExport {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final ObjectRepository objects;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final Divisions divisions;
  private final Departments departments;
  private final MessageSource messages;
  private final TransactionTemplate auditTransaction;

  ObjectExport(
      ObjectRepository objects,
      CurrentActor currentActor,
      AuditLog audit,
      Divisions divisions,
      Departments departments,
      MessageSource messages,
      PlatformTransactionManager transactions) {
    this.objects = objects;
    this.currentActor = currentActor;
    this.audit = audit;
    this.divisions = divisions;
    this.departments = departments;
    this.messages = messages;
    this.auditTransaction = new TransactionTemplate(transactions);
    this.auditTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The file name of an export made on the day, {@code 监督管理对象-yyyyMMdd.xlsx}. */
  static String fileName(LocalDate day) {
    return ObjectTable.SHEET + "-" + day.toString().replace("-", "") + ".xlsx";
  }

  /**
   * Writes the workbook to the stream (not closed). The audit entry is committed once the last row
   * is read and before the workbook's bytes are written, so no file leaves unaudited.
   *
   * @return the number of data rows
   */
  @Transactional(readOnly = true)
  long write(ObjectQuery query, OutputStream out) {
    Actor actor = currentActor.require();
    boolean reveal = Contacts.mayReveal(actor);
    Labels labels = new Labels();
    try (Stream<ObjectRepository.ExportRow> rows =
        objects.exportRows(
            actor.scope().territoryCode(), ObjectService.departmentScope(actor), query)) {
      Iterator<List<Object>> cells = rows.map(row -> cells(row, reveal, labels)).iterator();
      return XlsxExport.write(
          out,
          ObjectTable.SHEET,
          ObjectTable.EXPORT_COLUMNS,
          new Counting(cells, count -> audited(query, count, reveal)));
    }
  }

  private void audited(ObjectQuery query, long rows, boolean reveal) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("filters", filters(query));
    after.put("rows", rows);
    after.put("contactsRevealed", reveal);
    auditTransaction.executeWithoutResult(
        s -> audit.record("object.export", ObjectService.TARGET, null, null, null, after));
  }

  /** The filters that were set, by their request parameter name. */
  static Map<String, Object> filters(ObjectQuery q) {
    Map<String, Object> f = new LinkedHashMap<>();
    put(f, "q", q.q());
    put(f, "kind", q.kind());
    put(f, "industry", q.industry());
    put(f, "risk", q.risk());
    put(f, "department", q.department());
    put(f, "grid", q.grid());
    put(f, "division", q.division());
    put(f, "status", q.status());
    put(f, "directSupervision", q.directSupervision());
    put(f, "outsideGrids", q.outsideGrids());
    put(f, "missingDepartment", q.missingDepartment());
    return f;
  }

  private static void put(Map<String, Object> f, String key, Object value) {
    if (value instanceof String text && text.isBlank()) {
      return;
    }
    if (value != null) {
      f.put(key, value instanceof Enum<?> e ? e.name() : value);
    }
  }

  private List<Object> cells(ObjectRepository.ExportRow row, boolean reveal, Labels labels) {
    SupervisedObject o = row.object();
    List<Object> c = new ArrayList<>(ObjectTable.EXPORT_COLUMNS.size());
    // the import's columns, in ObjectTable.SPEC order
    c.add(o.uscc());
    c.add(o.name());
    c.add(ObjectTable.label(o.kind()));
    c.add(o.address());
    c.add(o.lon());
    c.add(o.lat());
    c.add(o.lon() == null ? null : "wgs84");
    c.add(labels.division(o.districtCode())); // the import takes the district by name
    c.add(o.industryCode());
    c.add(ObjectTable.label(o.scale()));
    c.add(o.employees());
    c.add(
        o.hazards().isEmpty()
            ? null
            : o.hazards().stream()
                .sorted()
                .map(h -> labels.message(h.messageKey()))
                .collect(Collectors.joining("、")));
    c.add(reveal ? o.contactName() : Contacts.maskName(o.contactName()));
    c.add(reveal ? o.contactPhone() : Contacts.maskPhone(o.contactPhone()));
    c.add(ObjectTable.label(o.status()));
    c.add(o.usccOverrideReason());
    // what the system derived
    c.add(o.id());
    c.add(labels.division(o.streetCode()));
    c.add(o.gridCode());
    c.add(labels.message("registry.risk." + o.effectiveRiskLevel().name()));
    c.add(
        o.riskOverrideLevel() != null
            ? "人工调整：" + o.riskOverrideReason()
            : labels.message("registry.risk.rule." + o.riskRule()));
    c.add(
        o.directSupervisionReason() == null
            ? null
            : labels.message("registry.direct." + o.directSupervisionReason().name()));
    c.add(
        row.departmentCodes().isEmpty()
            ? null
            : row.departmentCodes().stream()
                .map(labels::department)
                .collect(Collectors.joining("、")));
    c.add(LocalDateTime.ofInstant(o.updatedAt(), ObjectService.CHINA));
    return c;
  }

  /** Names looked up once per export: a few hundred divisions and departments at most. */
  private final class Labels {

    private final Map<String, String> divisionNames = new HashMap<>();
    private final Map<String, String> departmentNames = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    String division(String code) {
      if (code == null) {
        return null;
      }
      return divisionNames.computeIfAbsent(
          code, c -> divisions.find(c).map(Division::name).orElse(c));
    }

    String department(String code) {
      return departmentNames.computeIfAbsent(
          code, c -> departments.find(c).map(Department::name).orElse(c));
    }

    String message(String key) {
      return texts.computeIfAbsent(key, k -> messages.getMessage(k, null, k, ZH));
    }
  }

  /** The rows, telling the listener the count once the last one has been read. */
  private static final class Counting implements Iterator<List<Object>> {

    interface Done {
      void rows(long count);
    }

    private final Iterator<List<Object>> rows;
    private final Done done;
    private long count;
    private boolean finished;

    Counting(Iterator<List<Object>> rows, Done done) {
      this.rows = rows;
      this.done = done;
    }

    @Override
    public boolean hasNext() {
      boolean more = rows.hasNext();
      if (!more && !finished) {
        finished = true;
        done.rows(count);
      }
      return more;
    }

    @Override
    public List<Object> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      count++;
      return rows.next();
    }
  }
}
