package dev.tapes.jaxrs;

import dev.tapes.Registry;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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
    if (!isResourceMethod(method)
        || (!settings.timeMetricsEndpoint()
            && MetricsResource.class.isAssignableFrom(resourceClass))) {
      context.register(new TimingFilter.MatchedOnly(), PRIORITY);
      return;
    }
    context.register(new TimingFilter(metricsOf(resourceClass, method)), PRIORITY);
  }

  /**
   * Whether {@code method}, or a method it overrides, carries an HTTP method designator
   * ({@code @GET}, ...). Runtimes bind features to their own handlers as well, such as Jersey's
   * automatic {@code OPTIONS} responders; those are not the application's endpoints.
   */
  static boolean isResourceMethod(Method method) {
    if (hasHttpMethod(method)) {
      return true;
    }
    for (Class<?> type : supertypes(method.getDeclaringClass())) {
      try {
        if (hasHttpMethod(type.getDeclaredMethod(method.getName(), method.getParameterTypes()))) {
          return true;
        }
      } catch (NoSuchMethodException e) {
        // not declared there: look further up
      }
    }
    return false;
  }

  private static boolean hasHttpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  /** Superclasses and interfaces, nearest first, as JAX-RS annotation inheritance looks. */
  private static List<Class<?>> supertypes(Class<?> type) {
    List<Class<?>> found = new ArrayList<>();
    ArrayDeque<Class<?>> pending = new ArrayDeque<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> next = pending.poll();
      if (next.getSuperclass() != null && next.getSuperclass() != Object.class) {
        found.add(next.getSuperclass());
        pending.add(next.getSuperclass());
      }
      for (Class<?> implemented : next.getInterfaces()) {
        found.add(implemented);
        pending.add(implemented);
      }
    }
    return found;
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
