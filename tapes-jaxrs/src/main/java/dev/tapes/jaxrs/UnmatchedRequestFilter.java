package dev.tapes.jaxrs;

import dev.tapes.Registry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts the responses to requests that matched no resource method (404, 405, 406, 415 from
 * matching) in one family of meters, {@code http.unmatched.1xx} … {@code 5xx}, by status class:
 * never a metric per raw path, whose number a client could make unbounded.
 *
 * <p>A global response filter, which JAX-RS runs for every response, matched or not; a request
 * matched a resource method exactly when {@link ResourceInfo#getResourceMethod()} is set. The
 * meters are created on the first unmatched request, when the application's registry is known.
 */
@Provider
@Priority(ResourceTimingFeature.PRIORITY)
public class UnmatchedRequestFilter implements ContainerResponseFilter {

  @Context private ResourceInfo resourceInfo;

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
    if (resourceInfo.getResourceMethod() != null) {
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
