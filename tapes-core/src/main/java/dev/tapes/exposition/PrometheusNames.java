package dev.tapes.exposition;

import dev.tapes.MetricSnapshot;
import dev.tapes.MetricType;
import dev.tapes.RegistrySnapshot;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How dotted Tapes names become Prometheus and OpenMetrics names, shared by both formats.
 *
 * <p>{@link #of(String)} maps a name: camel case becomes snake case, dots and every character
 * outside {@code [a-zA-Z0-9_]} become {@code _}, runs of {@code _} collapse to one, leading
 * and trailing {@code _} go, letters are lower-cased, and a name starting with a digit gets a
 * leading {@code _}: {@code my.http.endpoints.WidgetResource.latency} becomes
 * {@code my_http_endpoints_widget_resource_latency}.
 *
 * <p>Each metric then gets a family name by its kind: timers add the unit ({@code _seconds});
 * meters drop a trailing {@code _total} (the writers add it back); gauges, counters and
 * histograms that would end in a suffix Prometheus reserves ({@code _total}, {@code _count},
 * {@code _sum}, {@code _bucket}, {@code _created}, {@code _info}) get {@code _value} appended,
 * because promtool's lint and OpenMetrics parsers read those suffixes as types.
 *
 * <p><b>Collisions.</b> Different dotted names can map to the same name ({@code a.b} and
 * {@code aB}), or one metric's family can clash with another's samples (a meter {@code x}
 * writes {@code x_m1_rate}; a gauge {@code xM1Rate} is {@code x_m1_rate}). Writing both
 * would make an invalid exposition, so in name order the first metric wins, every later one
 * that clashes with it is left out, and one warning per pair names both. The plan of which
 * names to write is computed once per set of names and cached, so a scrape of an unchanged
 * registry maps no name and allocates nothing for names.
 */
public final class PrometheusNames {

  private static final System.Logger LOG = System.getLogger(PrometheusNames.class.getName());
  private static final String[] RESERVED_SUFFIXES =
      {"_total", "_count", "_sum", "_bucket", "_created", "_info"};
  private static final int CACHED_PLANS = 8;
  private static final int MAX_WARNED_PAIRS = 1_000;
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
  /** Recently used plans, newest first; replaced as a whole (copy on write). */
  private static volatile Plan[] plans = new Plan[0];

  private PrometheusNames() {}

  /** The Prometheus form of a dotted name, before any unit or suffix is added. */
  public static String of(String dottedName) {
    Objects.requireNonNull(dottedName, "dottedName");
    StringBuilder out = new StringBuilder(dottedName.length() + 8);
    for (int i = 0; i < dottedName.length(); i++) {
      char c = dottedName.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (i > 0 && startsWord(dottedName, i)) {
          underscore(out);
        }
        out.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else {
        underscore(out);
      }
    }
    if (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    if (out.length() == 0 || (out.charAt(0) >= '0' && out.charAt(0) <= '9')) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  /**
   * The family name a metric is written under: {@link #of} plus the rules of its kind (see
   * the class comment). Collisions are not considered here.
   */
  public static String family(MetricSnapshot metric) {
    String name = of(metric.name());
    if (metric.type() == MetricType.TIMER) {
      return name.endsWith("_seconds") ? name : name + "_seconds";
    }
    if (metric.type() == MetricType.METER) {
      return name.endsWith("_total") && name.length() > "_total".length()
          ? name.substring(0, name.length() - "_total".length()) : name;
    }
    for (String suffix : RESERVED_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return name + "_value";
      }
    }
    return name;
  }

  /** An upper-case letter starts a word after a lower-case letter or digit, or ends an acronym. */
  private static boolean startsWord(String name, int i) {
    char previous = name.charAt(i - 1);
    if ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9')) {
      return true;
    }
    boolean nextLower = i + 1 < name.length() && name.charAt(i + 1) >= 'a'
        && name.charAt(i + 1) <= 'z';
    return previous >= 'A' && previous <= 'Z' && nextLower;
  }

  private static void underscore(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
      out.append('_');
    }
  }

  /**
   * The family name of each metric of {@code snapshot}, in its order; {@code null} for a metric
   * left out because it collides with an earlier one.
   */
  static String[] families(RegistrySnapshot snapshot) {
    List<MetricSnapshot> metrics = snapshot.metrics();
    Plan[] cached = plans;
    for (Plan plan : cached) {
      if (plan.matches(metrics)) {
        return plan.families;
      }
    }
    Plan plan = Plan.of(metrics);
    Plan[] next = new Plan[Math.min(CACHED_PLANS, cached.length + 1)];
    next[0] = plan;
    System.arraycopy(cached, 0, next, 1, next.length - 1);
    plans = next;
    return plan.families;
  }

  /** Which family each metric of one set of names is written under. Immutable. */
  private static final class Plan {

    private final String[] names;
    private final MetricType[] types;
    private final String[] families;

    private Plan(String[] names, MetricType[] types, String[] families) {
      this.names = names;
      this.types = types;
      this.families = families;
    }

    static Plan of(List<MetricSnapshot> metrics) {
      int size = metrics.size();
      String[] names = new String[size];
      MetricType[] types = new MetricType[size];
      String[] families = new String[size];
      Map<String, String> claimedBy = new HashMap<>(size * 4);
      for (int i = 0; i < size; i++) {
        MetricSnapshot metric = metrics.get(i);
        names[i] = metric.name();
        types[i] = metric.type();
        String family = family(metric);
        String[] claims = claims(metric, family);
        String clash = null;
        for (String claim : claims) {
          String owner = claimedBy.get(claim);
          if (owner != null) {
            clash = claim;
            warn(metric.name(), owner, claim);
            break;
          }
        }
        if (clash == null) {
          for (String claim : claims) {
            claimedBy.put(claim, metric.name());
          }
          families[i] = family;
        }
      }
      return new Plan(names, types, families);
    }

    /** Every name a metric may write, in either format. */
    private static String[] claims(MetricSnapshot metric, String family) {
      return switch (metric.type()) {
        case METER -> new String[] {family, family + "_total", family + "_m1_rate",
            family + "_m5_rate", family + "_m15_rate"};
        case TIMER, HISTOGRAM -> new String[] {family, family + "_count", family + "_sum"};
        case COUNTER, GAUGE -> new String[] {family};
      };
    }

    boolean matches(List<MetricSnapshot> metrics) {
      if (metrics.size() != names.length) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        MetricSnapshot metric = metrics.get(i);
        String name = metric.name();
        // Registries hand out the same String instance each time: == settles most checks.
        if ((name != names[i] && !name.equals(names[i])) || metric.type() != types[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static void warn(String skipped, String kept, String clash) {
    String pair = kept + '\n' + skipped;
    if (WARNED.size() < MAX_WARNED_PAIRS && WARNED.add(pair)) {
      LOG.log(Level.WARNING, "metric '" + skipped + "' is left out of Prometheus and "
          + "OpenMetrics output: its name '" + clash + "' is already written for metric '"
          + kept + "'. Rename one of them; JSON and StatsD output keep both.");
    }
  }
}
