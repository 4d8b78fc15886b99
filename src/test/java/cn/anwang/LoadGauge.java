package cn.anwang;

import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the repeated-load tests measure (the pool's active connections, live threads, used heap
 * after a collection, statements left open on a connection) and which GET mappings they load.
 */
public final class LoadGauge {

  public static final int THREAD_MARGIN = 8;
  public static final long HEAP_MARGIN = 64L * 1024 * 1024;

  /** One GET pattern of Spring's handler mapping, its required parameters as a query. */
  public record Get(String pattern, String query, boolean stream) {

    public boolean hasVariables() {
      return pattern.contains("{") || pattern.contains("*");
    }
  }

  private LoadGauge() {}

  /** Every GET (or any-method) pattern of the handler mapping. */
  public static List<Get> gets(RequestMappingHandlerMapping mappings) {
    List<Get> gets = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      var methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      boolean stream = stream(e.getValue(), info);
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        gets.add(new Get(pattern, query(info), stream));
      }
    }
    return gets;
  }

  private static boolean stream(HandlerMethod handler, RequestMappingInfo info) {
    String name = handler.getReturnType().getParameterType().getName();
    return name.contains("SseEmitter")
        || name.contains("StreamingResponseBody")
        || name.contains("Flux")
        || info.getProducesCondition().getProducibleMediaTypes().stream()
            .anyMatch(m -> m.toString().startsWith("text/event-stream"));
  }

  /** A mapping's required request parameters ({@code params = "format=xlsx"}) as a query. */
  private static String query(RequestMappingInfo info) {
    StringBuilder q = new StringBuilder();
    for (var expression : info.getParamsCondition().getExpressions()) {
      if (expression.isNegated()) {
        continue;
      }
      q.append(q.isEmpty() ? '?' : '&').append(expression.getName());
      q.append('=').append(expression.getValue() == null ? "1" : expression.getValue());
    }
    return q.toString();
  }

  /** Downloads, called fewer times: each builds a whole file. */
  public static boolean heavy(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.contains("xlsx")
        || p.contains("pdf")
        || p.contains("geojson")
        || p.contains("export")
        || p.contains("download")
        || p.contains("csv");
  }

  /** The least active connections seen within 2 s, stopping early once at most {@code atMost}. */
  public static int idleActive(HikariPoolMXBean pool, int atMost) throws InterruptedException {
    int least = pool.getActiveConnections();
    for (int i = 0; i < 40 && least > atMost; i++) {
      Thread.sleep(50);
      least = Math.min(least, pool.getActiveConnections());
    }
    return least;
  }

  public static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** The least used heap over a few collections, stopping early once it is under {@code goal}. */
  public static long usedHeapAfterGc(long goal) throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5 && least >= goal; i++) {
      System.gc();
      Thread.sleep(100);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  /**
   * The statements Hikari tracks as open on a pooled connection: inside a transaction a result set
   * nobody closed (a {@code JdbcClient … stream()} not closed) keeps no extra connection, but its
   * statement stays here until the connection goes back to the pool.
   */
  public static int openStatements(Connection connection) throws ReflectiveOperationException {
    Class<?> type = connection.getClass();
    while (!type.getName().equals("com.zaxxer.hikari.pool.ProxyConnection")) {
      type = type.getSuperclass();
    }
    Field field = type.getDeclaredField("openStatements");
    field.setAccessible(true);
    return ((List<?>) field.get(connection)).size();
  }
}
