package dev.tapes.cdi;

import dev.tapes.MetricType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics a build compatible extension plans, carried from build time to run time.
 *
 * <p>Quarkus runs the extension while it builds the application, in another JVM than the one that
 * runs it: nothing the extension keeps in memory survives. What run time needs travels as
 * parameters of a synthetic bean, which may only be strings, numbers and classes; a plan is
 * therefore written as columns of strings, one array per field, and read back the same way.
 * Methods travel as their declaring class, name and erased parameter types, and are found again
 * by reflection when the application starts.
 */
final class BuildPlan {

  private static final String PREFIX = "tapes.plan.";
  private static final List<String> COLUMNS = List.of("kind", "name", "beanClass", "memberKind",
      "member", "key", "declaringClass", "parameterTypes");

  private final List<Entry> entries = new ArrayList<>();

  /**
   * One planned metric; an intercepted method's when {@code declaringClass} is set, else an
   * injected one.
   */
  private record Entry(MetricRequest request, String declaringClass, List<String> parameterTypes) {}

  void addInjection(MetricRequest request) {
    entries.add(new Entry(request, null, List.of()));
  }

  /** The metric of a method, declared by {@code declaringClass}, in beans of the site's class. */
  void addMethod(MetricRequest request, String declaringClass, List<String> parameterTypes) {
    entries.add(new Entry(request, declaringClass, List.copyOf(parameterTypes)));
  }

  /** Every planned metric, to check the names at build time. */
  List<MetricRequest> requests() {
    List<MetricRequest> requests = new ArrayList<>();
    for (Entry entry : entries) {
      requests.add(entry.request());
    }
    return requests;
  }

  /** The plan as named string arrays, the synthetic bean parameters. */
  Map<String, String[]> toParameters() {
    Map<String, String[]> columns = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      columns.put(PREFIX + column, new String[entries.size()]);
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      MetricRequest request = entry.request();
      Site site = request.site();
      String[] row = {request.kind().name(), request.name(), site.beanClassName(),
          site.memberKind(), site.memberName(), request.key(), entry.declaringClass(),
          String.join(",", entry.parameterTypes())};
      for (int c = 0; c < row.length; c++) {
        // Synthetic bean parameters cannot hold null: empty stands for it.
        columns.get(PREFIX + COLUMNS.get(c))[i] = row[c] == null ? "" : row[c];
      }
    }
    return columns;
  }

  /**
   * Plans into {@code runtime} what {@link #toParameters()} wrote, finding methods and classes
   * through {@code loader}.
   *
   * @param parameters the synthetic bean's parameter of that name, or null if absent
   * @throws IllegalStateException if a planned method is not found (a class changed after the
   *     build)
   */
  static void plan(Function<String, String[]> parameters, ClassLoader loader,
      TapesRuntime runtime) {
    String[][] columns = new String[COLUMNS.size()][];
    for (int c = 0; c < columns.length; c++) {
      String[] column = parameters.apply(PREFIX + COLUMNS.get(c));
      columns[c] = column == null ? new String[0] : column;
    }
    for (int i = 0; i < columns[0].length; i++) {
      String[] row = new String[columns.length];
      for (int c = 0; c < columns.length; c++) {
        row[c] = columns[c][i].isEmpty() ? null : columns[c][i];
      }
      MetricRequest request = new MetricRequest(MetricType.valueOf(row[0]), row[1],
          new Site(row[2], row[3], row[4]), row[5]);
      if (row[6] == null) {
        runtime.planInjection(request);
      } else {
        List<String> parameterTypes = row[7] == null ? List.of() : Arrays.asList(row[7].split(","));
        runtime.planMethod(load(row[2], loader), method(load(row[6], loader), row[4],
            parameterTypes), request);
      }
    }
  }

  private static Method method(Class<?> declaring, String name, List<String> parameterTypes) {
    for (Method method : declaring.getDeclaredMethods()) {
      if (method.getName().equals(name) && parameterTypes.equals(Arrays.stream(
          method.getParameterTypes()).map(Class::getName).toList())) {
        return method;
      }
    }
    throw new IllegalStateException("no method " + name + parameterTypes + " in "
        + declaring.getName() + ", which the build found; rebuild the application");
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no class " + name + ", which the build found; rebuild"
          + " the application", e);
    }
  }
}
