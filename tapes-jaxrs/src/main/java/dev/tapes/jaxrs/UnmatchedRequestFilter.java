package dev.tapes.jaxrs;

import dev.tapes.Registry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts the responses to requests that matched no resource method (404, 405, 406, 415 from
 * matching) in one family of meters, {@code http.unmatched.1xx} … {@code 5xx}, by status class:
 * never a metric per raw path, whose number a client could make unbounded.
 *
 * <p>A global response filter, which JAX-RS runs for every response, matched or not. {@link
 * ResourceTimingFeature} binds a request filter to every resource method, which sets the request
 * property {@link TimingFilter#STATE}; a response without it answers a request that matched
 * nothing. (Asking an injected {@code ResourceInfo} instead goes through the runtime's
 * request-scoped proxy on every request: in the wrk runs of tapes-benchmarks that alone cost
 * 1.7 % of the throughput.) So this filter only works beside {@code ResourceTimingFeature}, as
 * {@link TapesFeature} and servers scanning for {@code @Provider} register them. A request that a
 * filter of the application's own, of a priority below 100 (ResourceTimingFeature's),
 * aborts after matching is counted here too, its method's filter having never run.
 *
 * <p>The meters are created on the first unmatched request, when the application's registry is
 * known.
 */
@Provider
@Priority(ResourceTimingFeature.PRIORITY)
public class UnmatchedRequestFilter implements ContainerResponseFilter {

  private final Settings settings;
  private final Registry explicitRegistry;
  private volatile StatusMeters meters;

  /** Configured from the environment; counts on the application's registry. */
  public UnmatchedRequestFilter() {
    this(Settings.fromEnvironment(), null);
  }

  UnmatchedRequestFilter(Settings settings, Registry registry) {
    this.settings = settings;
    this.explicitRegistry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(TimingFilter.STATE) != null) {
      return;
    }
    StatusMeters unmatched = meters;
    if (unmatched == null) {
      Registry registry = explicitRegistry != null ? explicitRegistry : ApplicationRegistry.find();
      unmatched = new StatusMeters(registry, settings.unmatchedName());
      meters = unmatched; // racing first requests build equal objects over the same meters
    }
    unmatched.mark(response.getStatus());
  }
}
