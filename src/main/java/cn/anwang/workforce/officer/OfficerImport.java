package cn.anwang.workforce.officer;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.pii.PiiProtector;
import cn.anwang.shared.pii.ResidentIdNumber;
import cn.anwang.shared.tabular.ImportReport;
import cn.anwang.shared.tabular.ImportTemplate;
import cn.anwang.shared.tabular.RowProblem;
import cn.anwang.shared.tabular.TabularReader;
import cn.anwang.shared.tabular.TabularSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports officers from .xlsx or CSV (UTF-8 or GBK), all or nothing: every row is checked like
 * {@code POST /api/v1/officers} (and each grid of the 网格编码 column with {@link Assignments#check},
 * so an untrained officer's grid is a row problem saying why), plus duplicate ID numbers inside the
 * file and against the officers already registered. Any problem and nothing is written. Audited
 * once per import.
 */
@Service
public class OfficerImport {

  private final OfficerService officers;
  private final Assignments assignments;
  private final AssignmentService assignmentService;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final MessageSource messages;
  private final PiiProtector pii;
  private final TransactionTemplate transactions;

  OfficerImport(
      OfficerService officers,
      Assignments assignments,
      AssignmentService assignmentService,
      CurrentActor currentActor,
      AuditLog audit,
      MessageSource messages,
      PiiProtector pii,
      TransactionTemplate transactions) {
    this.officers = officers;
    this.transactions = transactions;
    this.assignments = assignments;
    this.assignmentService = assignmentService;
    this.currentActor = currentActor;
    this.audit = audit;
    this.messages = messages;
    this.pii = pii;
  }

  /** The zh-CN fill-in template. */
  public static void template(OutputStream out) {
    ImportTemplate.write(out, OfficerTable.SHEET, OfficerTable.SPEC);
  }

  private record Candidate(int row, OfficerInput input, List<String> grids) {}

  /**
   * Checks the file and, unless {@code dryRun} or a row has a problem, writes every officer and
   * grid assignment in one transaction.
   *
   * @throws cn.anwang.shared.tabular.TabularException when the file cannot be read as a table
   */
  public OfficerImportResult run(
      InputStream in, String fileName, Charset charset, boolean dryRun, Locale locale) {
    Actor actor = currentActor.require();
    if (!actor.role().isAdministrator()) {
      throw OfficerProblem.forbidden();
    }
    ImportReport report = new ImportReport();
    List<Candidate> candidates = new ArrayList<>();
    String format;
    String encoding;
    String sheet;
    try (TabularSource source =
        TabularReader.open(
            in, fileName == null ? "upload" : fileName, charset, OfficerTable.SPEC)) {
      source.warningMessages().forEach(w -> report.warn(messages.getMessage(w, locale)));
      format = source.format().name();
      encoding = source.encoding();
      sheet = source.sheetName();
      Map<String, Integer> seen = new HashMap<>();
      LocalDate today = LocalDate.now();
      source.forEach(
          row -> {
            report.countRow();
            int r = row.rowNumber();
            List<RowProblem> problems = new ArrayList<>();
            java.util.function.BiConsumer<String, MessageSourceResolvable> problem =
                (column, text) ->
                    problems.add(
                        source.header().problem(r, column, messages.getMessage(text, locale)));
            Tier tier = null;
            if (!row.isBlank("tier")) {
              tier = OfficerTable.tier(row.get("tier"));
              if (tier == null) {
                problem.accept("tier", msg("workforce.import.tierUnknown", row.get("tier")));
              }
            }
            Employment employment = null;
            if (!row.isBlank("employment")) {
              employment = OfficerTable.employment(row.get("employment"));
              if (employment == null) {
                problem.accept(
                    "employment", msg("workforce.import.employmentUnknown", row.get("employment")));
              }
            }
            Boolean enforcement = Boolean.FALSE;
            if (!row.isBlank("enforcement")) {
              enforcement = OfficerTable.yesNo(row.get("enforcement"));
              if (enforcement == null) {
                problem.accept(
                    "enforcement",
                    msg("workforce.import.enforcementUnknown", row.get("enforcement")));
              }
            }
            OfficerInput input =
                new OfficerInput(
                    row.get("division"),
                    row.get("name"),
                    row.get("phone"),
                    row.get("idNumber"),
                    tier,
                    employment,
                    enforcement,
                    null,
                    null);
            for (OfficerProblem p : officers.problems(actor, input, null)) {
              if (p.field().equals("tier") && !row.isBlank("tier")) {
                continue; // already said: unknown value
              }
              if (p.field().equals("employment") && !row.isBlank("employment")) {
                continue;
              }
              problem.accept(column(p.field()), p);
            }
            boolean idValid = ResidentIdNumber.isValid(row.get("idNumber"));
            if (idValid) {
              String hash = pii.idNumberHash(row.get("idNumber"));
              Integer first = seen.putIfAbsent(hash, r);
              if (first != null) {
                problem.accept(
                    "idNumber", msg("workforce.import.duplicateInFile", Integer.toString(first)));
              } else {
                Optional<Officer> existing = officers.byIdNumber(row.get("idNumber"));
                if (existing.isPresent()) {
                  Officer other = existing.get();
                  problem.accept(
                      "idNumber",
                      WorkforcePolicy.seesOfficer(actor, other)
                          ? msg(
                              "workforce.import.duplicateRegistered",
                              other.name(),
                              Long.toString(other.id()))
                          : msg("workforce.import.duplicateElsewhere"));
                }
              }
            }
            List<String> grids = OfficerTable.gridCodes(row.get("grids"));
            if (!grids.isEmpty() && problems.isEmpty()) {
              String division = input.divisionCode().strip();
              Officer future =
                  new Officer(
                      -1,
                      division.substring(0, 6),
                      division,
                      input.name().strip(),
                      input.phone(),
                      ResidentIdNumber.tail(input.idNumber()),
                      tier,
                      employment,
                      enforcement,
                      OfficerStatus.CANDIDATE,
                      null,
                      0);
              for (String code : grids) {
                try {
                  assignmentService.managedGrid(actor, code);
                  assignments.check(future, code, today);
                } catch (OfficerProblem e) {
                  problem.accept("grids", msg("workforce.assign.GRID_NOT_FOUND", code));
                } catch (AssignmentRefused e) {
                  problem.accept("grids", e);
                }
              }
            }
            problems.forEach(report::add);
            if (problems.isEmpty()) {
              candidates.add(new Candidate(r, input, grids));
            }
          });
    }
    long[] counts = {0, 0};
    boolean write = !dryRun && !report.hasProblems() && !candidates.isEmpty();
    if (write) {
      // the checks above ran each in its own read-only transaction (a refused check must not
      // mark a shared one rollback-only); the writing is one transaction: all or nothing
      transactions.executeWithoutResult(
          status -> {
            LocalDate today = LocalDate.now();
            String reason = "import " + (fileName == null ? "" : fileName);
            for (Candidate c : candidates) {
              long id = officers.insert(c.input(), actor, false);
              counts[0]++;
              for (String grid : c.grids()) {
                assignments.assign(id, grid, today, reason, null, actor.username());
                counts[1]++;
              }
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", fileName);
            after.put("officers", counts[0]);
            after.put("assignments", counts[1]);
            audit.record("officer.import", "officer", null, null, null, after);
          });
    }
    long created = counts[0];
    long assigned = counts[1];
    List<OfficerImportResult.Problem> problems =
        report.problems().stream()
            .map(
                p ->
                    new OfficerImportResult.Problem(
                        p.rowNumber(), p.columnHeader(), p.columnKey(), p.reason()))
            .toList();
    return new OfficerImportResult(
        dryRun,
        write,
        format,
        encoding,
        sheet,
        report.rowsRead(),
        report.validRows(),
        report.rowsWithProblems(),
        created,
        assigned,
        report.warnings(),
        problems,
        report.totalProblems(),
        report.truncated());
  }

  private static MessageSourceResolvable msg(String code, Object... args) {
    return new DefaultMessageSourceResolvable(new String[] {code}, args, code);
  }

  /** The import column of an officer field. */
  private static String column(String field) {
    return switch (field) {
      case "divisionCode" -> "division";
      case "userId" -> "division";
      default -> field;
    };
  }
}
