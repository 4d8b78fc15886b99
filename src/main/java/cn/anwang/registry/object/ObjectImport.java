package cn.anwang.registry.object;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.industry.IndustryClassification;
import cn.anwang.shared.industry.IndustryCodeCheck;
import cn.anwang.shared.metrics.ImportTimer;
import cn.anwang.shared.tabular.Header;
import cn.anwang.shared.tabular.ImportReport;
import cn.anwang.shared.tabular.Row;
import cn.anwang.shared.tabular.RowProblem;
import cn.anwang.shared.tabular.TabularReader;
import cn.anwang.shared.tabular.TabularSource;
import cn.anwang.shared.uscc.UnifiedSocialCreditCode;
import cn.anwang.shared.uscc.UsccCheck;
import cn.anwang.shared.uscc.UsccProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of supervised objects from {@code .xlsx} or CSV.
 *
 * <p>Each row goes through the same rules as {@code POST /api/v1/objects} ({@link
 * ObjectService#compose}: USCC, industry, location, grid, scope, risk) and the responsibility
 * rules; duplicates are looked for inside the file and in the registry (same USCC anywhere, or same
 * name and address in the district). The file is streamed: rows are checked and written in batches,
 * and only the duplicate keys (a few bytes a row) are held for the whole file.
 *
 * <p>Everything happens in one transaction. A dry run writes nothing. All or nothing (the default)
 * writes only when no row has a problem, otherwise rolls back and returns the same report; {@code
 * VALID_ROWS} writes the rows without problems and reports the others. While an import writes,
 * other imports wait, so a file submitted twice is imported once and the second run reports every
 * row as already registered.
 */
@Service
class ObjectImport {

  private static final Logger log = LoggerFactory.getLogger(ObjectImport.class);

  static final int BATCH = 2000;

  /** What happens to the valid rows when some rows have problems. */
  enum Mode {
    /** Nothing is written unless every row is valid. */
    ALL_OR_NOTHING,
    /** The valid rows are written; the others are reported. */
    VALID_ROWS
  }

  /**
   * @param fileName as uploaded, for the report, the audit and format hints
   * @param declaredCharset the charset the upload declared, or null
   * @param locale the language of the report's reasons
   */
  record Request(
      InputStream in,
      String fileName,
      Charset declaredCharset,
      boolean dryRun,
      Mode mode,
      Locale locale) {

    /** This request with a file name for the report and the audit, even when none was sent. */
    Request named() {
      return fileName != null && !fileName.isBlank()
          ? this
          : new Request(in, "upload", declaredCharset, dryRun, mode, locale);
    }
  }

  private final ObjectService objects;
  private final ObjectCopyWriter writer;
  private final ResponsibleDepartments rules;
  private final IndustryClassification industries;
  private final Divisions divisions;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final MessageSource messages;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;
  private final ImportTimer timer;

  ObjectImport(
      ObjectService objects,
      ObjectCopyWriter writer,
      ResponsibleDepartments rules,
      IndustryClassification industries,
      Divisions divisions,
      CurrentActor currentActor,
      AuditLog audit,
      MessageSource messages,
      PlatformTransactionManager transactionManager,
      MeterRegistry meters) {
    this.objects = objects;
    this.writer = writer;
    this.rules = rules;
    this.industries = industries;
    this.divisions = divisions;
    this.currentActor = currentActor;
    this.audit = audit;
    this.messages = messages;
    this.transactions = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.timer = new ImportTimer(meters, "objects");
  }

  /**
   * Reads, checks and (unless a dry run, or refused) writes the file.
   *
   * @throws cn.anwang.shared.tabular.TabularException when the file cannot be read as a table (no
   *     row was looked at, nothing written)
   * @throws AccessDeniedException for a role that does not register objects
   */
  ObjectImportResult run(Request request) {
    return timer.record(
        () -> timed(request),
        r ->
            r.dryRun()
                ? ImportTimer.Outcome.DRY_RUN
                : r.written() ? ImportTimer.Outcome.WRITTEN : ImportTimer.Outcome.REFUSED);
  }

  private ObjectImportResult timed(Request request) {
    Actor actor = currentActor.require();
    if (!actor.role().isAdministrator()) {
      throw new AccessDeniedException("Only administrators import objects");
    }
    try (TabularSource source =
        TabularReader.open(
            request.in(), request.fileName(), request.declaredCharset(), ObjectTable.SPEC)) {
      return transactions.execute(
          status -> {
            Run run = new Run(actor, request.named(), source);
            ObjectImportResult result = run.go();
            if (!result.written()) {
              status.setRollbackOnly();
            }
            return result;
          });
    }
  }

  /** One import: the state kept while its rows stream by. */
  private final class Run {

    private final Actor actor;
    private final Request request;
    private final TabularSource source;
    private final Header header;
    private final ImportReport report = new ImportReport();
    private final ObjectRowParser parser;
    private final ResponsibleDepartments.Snapshot departments = rules.snapshot();
    private final KeyIndex usccRows = new KeyIndex();
    private final KeyIndex nameRows = new KeyIndex();
    private final boolean write;
    // the reading thread's chunk in progress
    private List<Candidate> batch = new ArrayList<>(BATCH);
    private List<RowProblem> batchProblems = new ArrayList<>();
    private int batchRows;
    private int batchDuplicates;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    private volatile boolean stopped;
    private long created;
    private long duplicates;
    private long withoutDepartment;
    private long outsideGrids;
    private long usccOverrides;
    private long registryNanos;
    private long writeNanos;
    private ObjectCopyWriter.Times copyTimes = ObjectCopyWriter.Times.NONE;
    private final String historyPrefix;

    Run(Actor actor, Request request, TabularSource source) {
      this.actor = actor;
      this.request = request;
      this.source = source;
      this.header = source.header();
      this.parser = new ObjectRowParser(messages, districtLookup());
      this.write = !request.dryRun();
      this.historyPrefix =
          "{\"file\": [null, " + objects.json(request.fileName()) + "], \"row\": [null, ";
    }

    ObjectImportResult go() {
      if (write) {
        writer.lockImports();
      }
      writer.preferIndexes();
      source.warningMessages().forEach(w -> report.warn(messages.getMessage(w, request.locale())));
      long started = System.nanoTime();
      readAndWrite();
      long total = System.nanoTime() - started;
      log.info(
          "Object import of {} ({}, {}): {} rows, {} valid, {} created in {} ms"
              + " (registry duplicate checks {} ms, writing {} ms: COPY objects {} ms,"
              + " departments {} ms, history {} ms)",
          request.fileName(),
          request.mode(),
          request.dryRun() ? "dry run" : "import",
          report.rowsRead(),
          report.validRows(),
          created,
          total / 1_000_000,
          registryNanos / 1_000_000,
          writeNanos / 1_000_000,
          copyTimes.objects() / 1_000_000,
          copyTimes.departments() / 1_000_000,
          copyTimes.history() / 1_000_000);
      boolean refused = report.hasProblems() && request.mode() == Mode.ALL_OR_NOTHING;
      boolean written = write && !refused && created > 0;
      if (written) {
        audit.record(
            "object.import",
            ObjectService.TARGET,
            request.fileName(),
            actor.scope().territoryCode(),
            null,
            summary());
      }
      return new ObjectImportResult(
          request.dryRun(),
          request.mode(),
          written,
          source.format().name(),
          source.encoding(),
          source.sheetName(),
          report.rowsRead(),
          source.emptyRowsSkipped(),
          report.validRows(),
          report.rowsWithProblems(),
          written ? created : 0,
          duplicates,
          withoutDepartment,
          outsideGrids,
          report.warnings(),
          report.problems().stream().map(ObjectImportResult.Problem::of).toList(),
          report.totalProblems(),
          report.truncated());
    }

    private Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("file", request.fileName());
      s.put("mode", request.mode());
      s.put("rows", report.rowsRead());
      s.put("created", created);
      s.put("rejectedRows", report.rowsWithProblems());
      s.put("usccOverrides", usccOverrides);
      return s;
    }

    /**
     * Reads and checks the rows on a thread of its own while this (the request's, holding the
     * transaction) checks the registry and writes: the two halves of the work overlap, reading
     * never touches the transaction's connection, and at most a few chunks wait in between.
     */
    private void readAndWrite() {
      Thread reader =
          new Thread(
              () -> {
                try {
                  // one read-only transaction for the lookups while checking (divisions),
                  // rather than one per row
                  readOnly.executeWithoutResult(
                      status -> {
                        // it only reads; a rejected row (an exception through the service's
                        // transactional proxy) must not turn its end into an unexpected rollback
                        status.setRollbackOnly();
                        source.forEach(this::row);
                      });
                  emit();
                  put(Chunk.END);
                } catch (Throwable e) {
                  if (!stopped) {
                    try {
                      put(Chunk.failed(e));
                    } catch (IllegalStateException writerGone) {
                      // the writing side stopped first and reports its own failure
                    }
                  }
                }
              },
              "object-import-reader");
      reader.setDaemon(true);
      reader.start();
      try {
        while (true) {
          Chunk chunk = chunks.take();
          if (chunk.failure() != null) {
            throw chunk.failure() instanceof RuntimeException r
                ? r
                : new IllegalStateException(chunk.failure());
          }
          if (chunk == Chunk.END) {
            return;
          }
          write(chunk);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Import interrupted", e);
      } finally {
        stopped = true;
        chunks.clear();
        try {
          reader.join(10_000); // the source is closed once this returns
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Hands the chunk in progress to the writing thread. */
    private void emit() {
      if (batchRows == 0) {
        return;
      }
      put(new Chunk(batch, batchProblems, batchRows, batchDuplicates, null));
      batch = new ArrayList<>(BATCH);
      batchProblems = new ArrayList<>();
      batchRows = 0;
      batchDuplicates = 0;
    }

    private void put(Chunk chunk) {
      try {
        while (!stopped) {
          if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("The import stopped");
    }

    private void row(Row row) {
      batchRows++;
      int number = row.rowNumber();
      ObjectRowParser.Parsed parsed = parser.parse(row);
      Set<String> failed = new LinkedHashSet<>();
      for (ObjectRowParser.CellProblem p : parsed.problems()) {
        problem(number, p.column(), p.code(), p.arguments());
        failed.add(p.column());
      }
      ObjectInput input = parsed.input();
      input = checkUscc(number, input, failed);
      input = checkIndustry(number, input, failed);
      SupervisedObject object = null;
      try {
        object = objects.compose(actor, null, input);
      } catch (ObjectRejected e) {
        String column = column(e.field());
        if (column == null || failed.add(column)) {
          problem(number, column, e.messageKey(), e.arguments());
        }
      }
      if (object == null || !failed.isEmpty()) {
        return;
      }
      if (object.uscc() != null) {
        int first = usccRows.putIfAbsent(object.uscc(), number);
        if (first != 0) {
          batchDuplicates++;
          problem(number, "uscc", "registry.import.duplicateUsccInFile", first);
          return;
        }
      }
      String nameKey =
          ObjectCopyWriter.nameKey(object.districtCode(), object.name(), object.address());
      int first = nameRows.putIfAbsent(nameKey, number);
      if (first != 0) {
        batchDuplicates++;
        problem(number, "name", "registry.import.duplicateNameInFile", first);
        return;
      }
      batch.add(new Candidate(number, object, links(object)));
      if (batchRows >= BATCH) {
        emit();
      }
    }

    /** Every problem of the code at once, rather than the first the service would stop at. */
    private ObjectInput checkUscc(int number, ObjectInput input, Set<String> failed) {
      if (input.uscc() == null
          || (input.usccOverrideReason() != null && !input.usccOverrideReason().isBlank())) {
        return input;
      }
      UsccCheck check = UnifiedSocialCreditCode.check(input.uscc());
      if (check.valid()
          || (check.upperCaseForm() != null
              && UnifiedSocialCreditCode.isValid(check.upperCaseForm()))) {
        return input;
      }
      for (UsccProblem p : check.problems()) {
        problem(number, "uscc", p.messageKey(), p.arguments().toArray());
      }
      failed.add("uscc");
      return input.withoutUscc();
    }

    private ObjectInput checkIndustry(int number, ObjectInput input, Set<String> failed) {
      if (input.industryCode() == null) {
        return input;
      }
      IndustryCodeCheck check = industries.normalise(input.industryCode());
      if (check.valid()) {
        return input;
      }
      problem(number, "industry", check.problem().messageKey(), check.arguments().toArray());
      failed.add("industry");
      return input.withoutIndustry();
    }

    /**
     * Checks the chunk's rows against the registry and writes what may be written; adds the chunk's
     * problems to the report in row order (chunks arrive in file order).
     */
    private void write(Chunk chunk) {
      for (int i = 0; i < chunk.rows(); i++) {
        report.countRow();
      }
      duplicates += chunk.duplicates();
      List<RowProblem> problems = new ArrayList<>(chunk.problems());
      List<Candidate> batch = chunk.candidates();
      long checking = System.nanoTime();
      Map<String, ObjectCopyWriter.Existing> byUscc =
          writer.byUscc(batch.stream().map(c -> c.object().uscc()).filter(u -> u != null).toList());
      Map<String, ObjectCopyWriter.Existing> byName =
          writer.byNameAndAddress(batch.stream().map(Candidate::object).toList());
      List<Candidate> accepted = new ArrayList<>(batch.size());
      for (Candidate c : batch) {
        SupervisedObject o = c.object();
        ObjectCopyWriter.Existing existing = o.uscc() == null ? null : byUscc.get(o.uscc());
        if (existing != null) {
          duplicates++;
          problems.add(registered(c.row(), "uscc", "registry.import.duplicateUscc", existing));
          continue;
        }
        existing = byName.get(ObjectCopyWriter.nameKey(o.districtCode(), o.name(), o.address()));
        if (existing != null) {
          duplicates++;
          problems.add(registered(c.row(), "name", "registry.import.duplicateName", existing));
          continue;
        }
        accepted.add(c);
      }
      registryNanos += System.nanoTime() - checking;
      problems.sort(java.util.Comparator.comparingInt(RowProblem::rowNumber));
      problems.forEach(report::add);
      boolean refused = report.hasProblems() && request.mode() == Mode.ALL_OR_NOTHING;
      for (Candidate c : accepted) {
        if (c.object().gridCode() == null) {
          outsideGrids++;
        }
      }
      if (!write || refused || accepted.isEmpty()) {
        countDepartmentless(accepted);
        return;
      }
      long writing = System.nanoTime();
      long[] ids = writer.nextIds(accepted.size());
      List<ObjectCopyWriter.Prepared> prepared = new ArrayList<>(accepted.size());
      for (int i = 0; i < accepted.size(); i++) {
        SupervisedObject o = accepted.get(i).object().withId(ids[i]);
        List<DepartmentLink> links = accepted.get(i).departments();
        if (links.isEmpty()) {
          withoutDepartment++;
        }
        if (o.usccOverrideReason() != null) {
          usccOverrides++;
          audit.record(
              "object.uscc.override",
              ObjectService.TARGET,
              String.valueOf(o.id()),
              o.divisionCode(),
              null,
              Map.of("uscc", o.uscc(), "reason", o.usccOverrideReason()));
        }
        // the file and row it came from; its values are the object's own (and every later
        // change records them as "before")
        prepared.add(
            new ObjectCopyWriter.Prepared(o, links, historyPrefix + accepted.get(i).row() + "]}"));
      }
      copyTimes = copyTimes.plus(writer.write(prepared, actor.username()));
      created += prepared.size();
      writeNanos += System.nanoTime() - writing;
    }

    private void countDepartmentless(List<Candidate> accepted) {
      for (Candidate c : accepted) {
        if (c.departments().isEmpty()) {
          withoutDepartment++;
        }
      }
    }

    private List<DepartmentLink> links(SupervisedObject o) {
      return DepartmentLink.ofRules(
          departments.responsibleFor(o.districtCode(), o.kind(), o.industryCode(), o.hazards()));
    }

    private RowProblem registered(
        int row, String column, String code, ObjectCopyWriter.Existing existing) {
      return actor.covers(existing.divisionCode())
          ? rowProblem(row, column, code, existing.id())
          : rowProblem(row, column, code + "Elsewhere");
    }

    /** A problem the reading thread found, in the chunk in progress. */
    private void problem(int row, String column, String code, Object... arguments) {
      batchProblems.add(rowProblem(row, column, code, arguments));
    }

    private RowProblem rowProblem(int row, String column, String code, Object... arguments) {
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] instanceof Integer || arguments[i] instanceof Long) {
          arguments[i] = arguments[i].toString(); // row 1234, not "1,234"
        }
      }
      String reason =
          messages.getMessage(
              new DefaultMessageSourceResolvable(new String[] {code}, arguments, code),
              request.locale());
      return column == null
          ? RowProblem.ofRow(row, reason)
          : new RowProblem(row, column, header(column), reason);
    }

    private String header(String column) {
      return header.columns().getOrDefault(column, ObjectTable.SPEC.column(column).header());
    }

    private java.util.function.Function<String, Optional<Division>> districtLookup() {
      Map<String, Division> byName = new HashMap<>();
      for (Division d : divisions.children(cn.anwang.identity.Scope.CITY)) {
        byName.put(d.code(), d);
        byName.put(d.name(), d);
        if (d.name().length() > 2 && (d.name().endsWith("区") || d.name().endsWith("县"))) {
          byName.put(d.name().substring(0, d.name().length() - 1), d);
        }
      }
      return text -> Optional.ofNullable(byName.get(text));
    }
  }

  /** The file's column for a field the service names, or null for the whole row. */
  static String column(String field) {
    return switch (field) {
      case "kind",
          "name",
          "address",
          "uscc",
          "crs",
          "scale",
          "employees",
          "status",
          "hazards",
          "contactName",
          "contactPhone" ->
          field;
      case "location", "lon" -> "longitude";
      case "lat" -> "latitude";
      case "industryCode" -> "industry";
      case "districtCode" -> "district";
      case "usccOverrideReason" -> "usccException";
      default -> null;
    };
  }

  private record Candidate(int row, SupervisedObject object, List<DepartmentLink> departments) {}

  /**
   * Consecutive rows as read and checked: the valid ones, the problems found, how many rows, how
   * many of them repeat an earlier row; or the reader's failure.
   */
  private record Chunk(
      List<Candidate> candidates,
      List<RowProblem> problems,
      int rows,
      int duplicates,
      Throwable failure) {

    static final Chunk END = new Chunk(List.of(), List.of(), 0, 0, null);

    static Chunk failed(Throwable e) {
      return new Chunk(List.of(), List.of(), 0, 0, e);
    }
  }
}
