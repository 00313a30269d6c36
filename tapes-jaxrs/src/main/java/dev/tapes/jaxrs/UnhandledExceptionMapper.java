package dev.tapes.jaxrs;

import dev.tapes.Meter;
import dev.tapes.Registry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps every exception no application mapper handles, as the default mapper of Jakarta REST 3.1
 * does, and counts it in the resource method's {@code errors} meter.
 *
 * <p>Why a mapper: JAX-RS runs response filters for mapped exceptions only. An exception that
 * reaches the container skips them, so neither {@link TimingFilter} nor any other filter would
 * see the request end (the gap smallrye-metrics closes with a servlet filter, which Quarkus REST
 * does not have). Mapping it here turns it into a response that passes through the filters, so it
 * is timed and counted like any other.
 *
 * <p>It answers what the specification's default mapper answers: a {@code
 * WebApplicationException}'s own response, otherwise {@code 500} (with no entity, so nothing of
 * the exception leaks to clients). Anything else is logged at {@code ERROR} through {@code
 * System.Logger}, with the request and resource method, so no exception is ever swallowed.
 *
 * <p>The lowest priority of any mapper ({@link Integer#MAX_VALUE}): the nearest mapper by
 * exception type always wins, and among mappers of {@code Throwable} the application's do.
 */
@Provider
@Priority(Integer.MAX_VALUE)
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  private static final System.Logger LOG =
      System.getLogger(UnhandledExceptionMapper.class.getName());

  @Context private ResourceInfo resourceInfo;
  @Context private UriInfo uriInfo;
  @Context private Request request;

  private final Settings settings;
  private final ResourceNaming naming;
  private final Registry explicitRegistry;
  /** Per application: a mapper instance belongs to one. Filled on a method's first failure. */
  private final ConcurrentHashMap<Method, Meter> errors = new ConcurrentHashMap<>();

  /** Configured from the environment; counts on the application's registry. */
  public UnhandledExceptionMapper() {
    this(Settings.fromEnvironment(), null);
  }

  UnhandledExceptionMapper(Settings settings, Registry registry) {
    this.settings = settings;
    this.naming = ResourceNaming.parse(settings.nameTemplate());
    this.explicitRegistry = registry;
  }

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof WebApplicationException web && web.getResponse() != null) {
      return web.getResponse();
    }
    Method method = resourceMethod();
    if (method != null) {
      countError(resourceInfo.getResourceClass(), method);
    }
    LOG.log(Level.ERROR, () -> describeRequest(method) + " failed with an exception no"
        + " ExceptionMapper handles; answering 500", exception);
    return Response.serverError().build();
  }

  private void countError(Class<?> resourceClass, Method method) {
    if (resourceClass == null
        || !settings.timeMetricsEndpoint() && MetricsResource.class.isAssignableFrom(resourceClass)) {
      return;
    }
    Meter meter = errors.get(method);
    if (meter == null) {
      meter = errors.computeIfAbsent(method, m -> registry().meter(
          naming.prefix(resourceClass, m) + ".errors"));
    }
    meter.mark();
  }

  private Registry registry() {
    return explicitRegistry != null ? explicitRegistry : ApplicationRegistry.find();
  }

  private Method resourceMethod() {
    try {
      return resourceInfo == null ? null : resourceInfo.getResourceMethod();
    } catch (RuntimeException e) {
      return null; // no request scope: the failure happened outside of matching
    }
  }

  private String describeRequest(Method method) {
    StringBuilder description = new StringBuilder();
    try {
      description.append(request.getMethod()).append(' ').append(uriInfo.getRequestUri().getPath());
    } catch (RuntimeException e) {
      description.append("a request");
    }
    if (method != null) {
      description.append(" (").append(method.getDeclaringClass().getName()).append('.')
          .append(method.getName()).append(')');
    }
    return description.toString();
  }
}
