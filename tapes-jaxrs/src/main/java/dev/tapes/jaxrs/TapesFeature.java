package dev.tapes.jaxrs;

import dev.tapes.Registry;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;

/**
 * Everything tapes-jaxrs does, for applications that register their providers explicitly: a
 * timer and status meters per resource method ({@link ResourceTimingFeature}), unhandled
 * exceptions counted and logged ({@link UnhandledExceptionMapper}), unmatched requests counted
 * ({@link UnmatchedRequestFilter}) and {@code GET /metrics} ({@link MetricsResource}).
 *
 * <pre>{@code
 * new ResourceConfig(WidgetResource.class).register(new TapesFeature());
 * // or, configured in code:
 * .register(TapesFeature.builder().registry(registry).metricsRole("ops").build());
 * }</pre>
 *
 * <p>Servers that scan library JARs (WildFly, Payara) find those classes by their {@code
 * @Provider} and {@code @Path} without it. Not itself a {@code @Provider}, so that scanning does
 * not register everything twice; a class the application registered already is not registered
 * again. Without a builder, settings come from the environment (MicroProfile Config, system
 * properties, environment variables) and metrics go to the application's registry: its CDI bean
 * where there is one, else {@code Tapes.registry()}.
 */
public final class TapesFeature implements Feature {

  private final Settings settings;
  private final Registry registry;
  private final boolean metricsEndpoint;

  /** Configured from the environment, on the application's registry. */
  public TapesFeature() {
    this(Settings.fromEnvironment(), null, true);
  }

  private TapesFeature(Settings settings, Registry registry, boolean metricsEndpoint) {
    this.settings = settings;
    this.registry = registry;
    this.metricsEndpoint = metricsEndpoint;
  }

  /** Settings in code; those not set come from the environment. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean configure(FeatureContext context) {
    var configuration = context.getConfiguration();
    if (!configuration.isRegistered(ResourceTimingFeature.class)) {
      context.register(new ResourceTimingFeature(settings, registry));
    }
    if (!configuration.isRegistered(UnhandledExceptionMapper.class)) {
      context.register(new UnhandledExceptionMapper(settings, registry));
    }
    if (!configuration.isRegistered(UnmatchedRequestFilter.class)) {
      context.register(new UnmatchedRequestFilter(settings, registry),
          ResourceTimingFeature.PRIORITY);
    }
    if (metricsEndpoint && !configuration.isRegistered(MetricsResource.class)) {
      context.register(new MetricsResource(settings, registry));
    }
    return true;
  }

  /** Settings of a {@link TapesFeature}. */
  public static final class Builder {

    private Settings settings = Settings.fromEnvironment();
    private Registry registry;
    private boolean metricsEndpoint = true;

    private Builder() {}

    /** The registry of every metric and of {@code /metrics}; the application's by default. */
    public Builder registry(Registry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The template of each resource method's metric prefix; {@code http.{}.{method}} by default
     * ({@code {}} simple class name, {@code {class}}, {@code {package}}, {@code {method}}).
     *
     * @throws IllegalArgumentException for an unknown placeholder
     */
    public Builder nameTemplate(String template) {
      settings = settings.withNameTemplate(template);
      return this;
    }

    /** The prefix of the meters of unmatched requests; {@code http.unmatched} by default. */
    public Builder unmatchedName(String name) {
      settings = settings.withUnmatchedName(name);
      return this;
    }

    /** Whether requests for {@code /metrics} are timed too; not by default. */
    public Builder timeMetricsEndpoint(boolean timed) {
      settings = settings.withTimeMetricsEndpoint(timed);
      return this;
    }

    /** The role {@code /metrics} requires (401/403 otherwise), or null for none (default). */
    public Builder metricsRole(String role) {
      settings = settings.withMetricsRole(role);
      return this;
    }

    /**
     * Whether to register {@link MetricsResource} at {@code /metrics} (default); turn it off to
     * serve a subclass at another path, or none.
     */
    public Builder metricsEndpoint(boolean registered) {
      this.metricsEndpoint = registered;
      return this;
    }

    public TapesFeature build() {
      return new TapesFeature(settings, registry, metricsEndpoint);
    }
  }
}
