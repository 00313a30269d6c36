package dev.tapes.jaxrs;

import dev.tapes.Registry;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Binds a {@link TimingFilter} to every resource method when the application is deployed, each
 * filter already holding its method's metrics, so that no name is built and nothing is looked up
 * per request.
 *
 * <p>Metrics are named {@code http.{}.{method}.latency} and so on (see {@link ResourceNaming};
 * the template is {@value Settings#NAME_TEMPLATE}). Methods of {@link MetricsResource} are not
 * timed unless {@value Settings#TIME_METRICS_ENDPOINT} is {@code true}. Registered by {@link
 * TapesFeature}, or found by servers that scan for {@code @Provider}.
 */
@Provider
public final class ResourceTimingFeature implements DynamicFeature {

  /**
   * Before authentication (1000) on the way in, hence after every user filter on the way out and
   * outermost among writer interceptors: the timing covers every other filter.
   */
  static final int PRIORITY = Priorities.AUTHENTICATION - 900;

  private final Settings settings;
  private final ResourceNaming naming;
  private final Registry explicitRegistry;
  /** Resolved at the first bound method, when the application's CDI container is up. */
  private Registry registry;

  /** Configured from the environment; times on the application's registry. */
  public ResourceTimingFeature() {
    this(Settings.fromEnvironment(), null);
  }

  ResourceTimingFeature(Settings settings, Registry registry) {
    this.settings = settings;
    this.naming = ResourceNaming.parse(settings.nameTemplate());
    this.explicitRegistry = registry;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resourceClass == null || method == null) {
      return;
    }
    if (!settings.timeMetricsEndpoint() && MetricsResource.class.isAssignableFrom(resourceClass)) {
      return;
    }
    context.register(new TimingFilter(metricsOf(resourceClass, method)), PRIORITY);
  }

  /** Called by the runtime during deployment, one method after the other. */
  private synchronized MethodMetrics metricsOf(Class<?> resourceClass, Method method) {
    if (registry == null) {
      registry = explicitRegistry != null ? explicitRegistry : ApplicationRegistry.find();
    }
    String prefix = naming.prefix(resourceClass, method);
    try {
      return new MethodMetrics(registry, prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot time " + resourceClass.getName() + "."
          + method.getName() + " as '" + prefix + "': " + e.getMessage() + " (rename it with "
          + Settings.NAME_TEMPLATE + " or @MeteredClass)", e);
    }
  }
}
