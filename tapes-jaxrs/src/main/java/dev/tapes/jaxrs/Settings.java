package dev.tapes.jaxrs;

import dev.tapes.internal.Configuration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration keys of tapes-jaxrs, read once when a provider is built through tapes-core's
 * {@link Configuration}: MicroProfile Config when the application has it, else system
 * properties, else environment variables ({@code tapes.metrics.role} is also
 * {@code TAPES_METRICS_ROLE}).
 *
 * @param nameTemplate template of each resource method's metric prefix
 * @param unmatchedName prefix of the meters of requests that match no resource method
 * @param timeMetricsEndpoint whether requests for {@code /metrics} are timed like others
 * @param metricsRole the role {@code /metrics} requires, or null for none
 * @param metricsEnabled whether {@link MetricsResource} at its own {@code /metrics} answers
 */
record Settings(
    String nameTemplate,
    String unmatchedName,
    boolean timeMetricsEndpoint,
    String metricsRole,
    boolean metricsEnabled) {

  static final String NAME_TEMPLATE = "tapes.jaxrs.name";
  static final String UNMATCHED_NAME = "tapes.jaxrs.unmatched";
  static final String TIME_METRICS_ENDPOINT = "tapes.jaxrs.time-metrics-endpoint";
  static final String METRICS_ROLE = "tapes.metrics.role";
  static final String METRICS_ENABLED = "tapes.metrics.enabled";

  static final String DEFAULT_NAME_TEMPLATE = "http.{}.{method}";
  static final String DEFAULT_UNMATCHED_NAME = "http.unmatched";

  Settings {
    ResourceNaming.parse(nameTemplate);
    unmatchedName = unmatchedName.strip();
    if (unmatchedName.isEmpty()) {
      throw new IllegalArgumentException(UNMATCHED_NAME + " must not be empty");
    }
    if (metricsRole != null && metricsRole.isBlank()) {
      metricsRole = null;
    }
  }

  /** The defaults: no configuration at all. */
  static Settings defaults() {
    return new Settings(DEFAULT_NAME_TEMPLATE, DEFAULT_UNMATCHED_NAME, false, null, true);
  }

  /** The settings the environment configures (see the class comment for the sources). */
  static Settings fromEnvironment() {
    return from(Configuration.detect(Settings.class.getClassLoader())::find);
  }

  static Settings from(Function<String, Optional<String>> source) {
    return new Settings(
        source.apply(NAME_TEMPLATE).orElse(DEFAULT_NAME_TEMPLATE),
        source.apply(UNMATCHED_NAME).orElse(DEFAULT_UNMATCHED_NAME),
        source.apply(TIME_METRICS_ENDPOINT).map(v -> bool(TIME_METRICS_ENDPOINT, v))
            .orElse(false),
        source.apply(METRICS_ROLE).orElse(null),
        source.apply(METRICS_ENABLED).map(v -> bool(METRICS_ENABLED, v)).orElse(true));
  }

  Settings withNameTemplate(String template) {
    return new Settings(template, unmatchedName, timeMetricsEndpoint, metricsRole,
        metricsEnabled);
  }

  Settings withUnmatchedName(String name) {
    return new Settings(nameTemplate, name, timeMetricsEndpoint, metricsRole, metricsEnabled);
  }

  Settings withTimeMetricsEndpoint(boolean timed) {
    return new Settings(nameTemplate, unmatchedName, timed, metricsRole, metricsEnabled);
  }

  Settings withMetricsRole(String role) {
    return new Settings(nameTemplate, unmatchedName, timeMetricsEndpoint, role, metricsEnabled);
  }

  private static boolean bool(String key, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
  }
}
