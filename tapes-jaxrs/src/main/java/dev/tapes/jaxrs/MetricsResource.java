package dev.tapes.jaxrs;

import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /metrics}: every metric of the application's registry, and {@code GET
 * /metrics/my/http} the subtree under {@code my.http} (404 when there is none).
 */
@Path("/metrics")
public class MetricsResource {

  @Context private SecurityContext security;
  @Context private HttpHeaders headers;

  private final Settings settings;
  private final Registry explicitRegistry;

  /** Configured from the environment, on the application's registry. */
  public MetricsResource() {
    this(Settings.fromEnvironment(), null);
  }

  MetricsResource(Settings settings, Registry registry) {
    this.settings = settings;
    this.explicitRegistry = registry;
  }

  @GET
  public Response all() {
    return serve("");
  }

  @GET
  @Path("{subtree: .+}")
  public Response subtree(@PathParam("subtree") String subtree) {
    return serve(subtree);
  }

  private Response serve(String urlPath) {
    checkAccess();
    RegistrySnapshot snapshot = registry().snapshot();
    return Response.ok(jsonSafe(snapshot.toStats()), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private void checkAccess() {
    if (getClass() == MetricsResource.class && !settings.metricsEnabled()) {
      throw new NotFoundException();
    }
    String role = settings.metricsRole();
    if (role == null) {
      return;
    }
    if (security == null || security.getUserPrincipal() == null) {
      throw new NotAuthorizedException("Basic realm=\"metrics\"");
    }
    if (!security.isUserInRole(role)) {
      throw new ForbiddenException();
    }
  }

  private Registry registry() {
    return explicitRegistry != null ? explicitRegistry : ApplicationRegistry.find();
  }

  /** The stats tree with NaN and infinities as null: JSON has no such numbers. */
  static Map<String, Object> jsonSafe(Map<String, Object> tree) {
    Map<String, Object> safe = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> child) {
        @SuppressWarnings("unchecked")
        Map<String, Object> branch = (Map<String, Object>) child;
        value = jsonSafe(branch);
      } else if (value instanceof Double d && !Double.isFinite(d)) {
        value = null;
      }
      safe.put(entry.getKey(), value);
    }
    return safe;
  }
}
