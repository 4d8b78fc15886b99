package cn.anwang.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.anwang.IntegrationTest;
import cn.anwang.scope.ApiOperations.Operation;
import cn.anwang.scope.Callers.Caller;
import cn.anwang.scope.ScopeMatrix.Rule;
import cn.anwang.scope.ScopeResources.Level;
import cn.anwang.scope.ScopeResources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 15: the scope matrix, generated from the published OpenAPI document. Every operation must
 * have a rule in {@code scope/matrix.tsv}; every read of a resource of 和平区 is refused (403/404) to
 * everyone of 西青区 while 和平区's own administrator (or the owner) reads it, and a street's resource to
 * the people of another street; every list holds only the caller's territory; and every write by
 * the read-only auditor or by 西青区 on 和平区's resources is refused and changes nothing in the
 * database. The coverage goes to {@code target/scope-matrix.txt}.
 */
@IntegrationTest
class ScopeMatrixTest {

  private static List<Operation> operations = List.of();

  @Autowired WebApplicationContext context;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired TransactionTemplate transactions;

  private ScopeCalls calls;
  private ScopeResources resources;
  private ScopeMatrix matrix;

  @BeforeEach
  void setUp() throws Exception {
    // our own MockMvc: the shared one keeps every printout in memory until the test ends
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    calls = new ScopeCalls(mvc, users);
    resources = new ScopeResources(jdbc);
    matrix = ScopeMatrix.load();
    String document =
        mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    operations = ApiOperations.of(json.readTree(document)).all();
  }

  @AfterAll
  static void writeCoverage() throws Exception {
    ScopeCoverage.write(operations);
    System.out.println(ScopeCoverage.report(operations).lines().findFirst().orElse(""));
  }

  @Test
  void everyDocumentedOperationHasARuleAndAResource() {
    List<String> problems = new ArrayList<>();
    TreeSet<String> documented = new TreeSet<>();
    for (Operation op : operations) {
      documented.add(op.key());
      Rule rule = matrix.of(op);
      if (rule == null) {
        problems.add("not in scope/matrix.tsv: " + op.key());
      } else if (rule != Rule.PUBLIC
          && !op.variables().isEmpty()
          && ScopeResources.forPath(op.path(), op.variables()).isEmpty()) {
        problems.add("no resource in ScopeResources for " + op.key());
      }
    }
    for (String listed : matrix.rules().keySet()) {
      if (!documented.contains(listed)) {
        problems.add("in scope/matrix.tsv but no longer documented: " + listed);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(operations).hasSizeGreaterThan(200);
  }

  @Test
  void theMatrixHoldsOverASeededDistrict() {
    transactions.executeWithoutResult(
        status -> {
          try {
            MatrixData.seed(context, Callers.HOME_DISTRICT);
            new MatrixFixtures(jdbc).write();
            reads();
            lists();
            writes();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          } finally {
            status.setRollbackOnly();
          }
        });
    assertThat(ScopeCoverage.failures()).isEmpty();
  }

  private void lists() throws Exception {
    ListChecks lists = new ListChecks(calls, json);
    for (Operation op : operations) {
      Rule rule = matrix.of(op);
      if (op.read() && op.variables().isEmpty() && rule != null && rule != Rule.PUBLIC) {
        lists.check(op, rule);
      }
    }
  }

  private void writes() throws Exception {
    WriteChecks writes = new WriteChecks(calls, resources);
    var before = DatabaseFingerprint.of(jdbc);
    var callers = Callers.WRITES_REFUSED.stream().map(Caller::username).toList();
    long audited = DatabaseFingerprint.auditRowsBy(jdbc, callers);
    for (Operation op : operations) {
      Rule rule = matrix.of(op);
      if (!op.read() && rule != null && rule != Rule.PUBLIC) {
        writes.check(op, rule);
      }
    }
    var after = DatabaseFingerprint.of(jdbc);
    for (var table : before.keySet()) {
      if (!before.get(table).equals(after.get(table))) {
        ScopeCoverage.failed("refused writes changed table " + table);
      }
    }
    if (DatabaseFingerprint.auditRowsBy(jdbc, callers) != audited) {
      ScopeCoverage.failed("refused writes left audit entries by " + callers);
    }
  }

  private void reads() throws Exception {
    for (Operation op : operations) {
      Rule rule = matrix.of(op);
      if (!op.read() || op.variables().isEmpty() || rule == null || rule == Rule.PUBLIC) {
        continue;
      }
      Resource resource = ScopeResources.forPath(op.path(), op.variables()).orElseThrow();
      if (resource.level() == Level.CITY || rule == Rule.CITY) {
        Optional<Map<String, Object>> row = resources.find(resource, "12", null);
        if (row.isEmpty()) {
          ScopeCoverage.checked(op.key(), "no-data city-wide");
        } else {
          expectStatus(op, row.get(), null, List.of(401, 302));
          ScopeCoverage.checked(op.key(), "city-wide signed-in only");
        }
        continue;
      }
      String home = resource.level() == Level.STREET ? Callers.HOME_STREET : Callers.HOME_DISTRICT;
      refusedOutside(op, resource, home, null, Callers.OTHER_DISTRICT, "other-district");
      if (resource.level() == Level.STREET) {
        refusedOutside(
            op,
            resource,
            Callers.HOME_DISTRICT,
            Callers.HOME_STREET,
            Callers.HOME_STREET_USERS,
            "other-street");
      }
    }
  }

  /** The resource placed inside {@code inside} and not {@code outside}: read, then refused. */
  private void refusedOutside(
      Operation op,
      Resource resource,
      String inside,
      String outside,
      List<Caller> strangers,
      String what)
      throws Exception {
    Optional<Map<String, Object>> row = resources.find(resource, inside, outside);
    if (row.isEmpty()) {
      ScopeCoverage.checked(op.key(), "no-data " + what + " (no row in " + inside + ")");
      return;
    }
    Map<String, Object> values = row.get();
    Object owner = values.get("owner");
    List<String> readers =
        owner != null
            ? List.of(owner.toString())
            : List.of(Callers.HOME_ADMIN.username(), Callers.CITY_ADMIN.username());
    Integer read = null;
    for (String reader : readers) {
      read = calls.call(op, values, Map.of(), reader).getStatus();
      if (read / 100 == 2) {
        break;
      }
    }
    // a control that cannot read (the resource is for the enterprise's or partner's own users,
    // or its file is not in the test's store) leaves the refusals unverified: reported as such
    String control = read / 100 == 2 ? "control " + read : "unverified-control " + read;
    for (Caller stranger : strangers) {
      if (stranger.username().equals(owner)) {
        continue;
      }
      expectStatus(op, values, stranger.username(), List.of(403, 404));
    }
    expectStatus(op, values, null, List.of(401, 302));
    ScopeCoverage.checked(
        op.key(),
        (read / 100 == 2 ? what : "unverified " + what)
            + " "
            + strangers.size()
            + " refused, "
            + control);
  }

  private void expectStatus(
      Operation op, Map<String, Object> values, String username, List<Integer> allowed)
      throws Exception {
    MockHttpServletResponse response = calls.call(op, values, Map.of(), username);
    if (!allowed.contains(response.getStatus())) {
      ScopeCoverage.failed(
          op.key()
              + " "
              + values
              + " as "
              + (username == null ? "anonymous" : username)
              + ": "
              + response.getStatus()
              + ", expected "
              + allowed);
    }
  }
}
