package dev.tapes.jaxrs;

import dev.tapes.Registry;
import dev.tapes.RegistrySnapshot;
import dev.tapes.exposition.ExpositionFormat;
import dev.tapes.exposition.MetricSelection;
import dev.tapes.reporting.ContentNegotiation;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics}: every metric of the application's registry, in the format the {@code
 * Accept} header asks for ({@link ContentNegotiation}, shared with {@code HttpReporter}).
 *
 * <ul>
 *   <li>{@code application/json}, the default: the {@code getStats()} tree, written by the
 *       container's own JSON-B provider ({@code NaN} as {@code null});
 *   <li>{@code text/plain;version=0.0.4}: Prometheus text;
 *   <li>{@code application/openmetrics-text}: OpenMetrics 1.0;
 *   <li>anything else: {@code 406}.
 * </ul>
 *
 * <p>{@code GET /metrics/my/http} answers the metrics under {@code my.http}, or {@code 404}.
 * With {@value Settings#METRICS_ROLE} set, a request without a user gets {@code 401} and one
 * whose user lacks the role {@code 403}, as the container answers for {@code @RolesAllowed}.
 *
 * <p>For another path, serve a subclass: {@code @Path("/admin/metrics") public class AdminMetrics
 * extends MetricsResource {}}, and set {@value Settings#METRICS_ENABLED} to {@code false} so that
 * this class, if a scanning server finds it too, answers {@code 404} at {@code /metrics}.
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

  /**
   * Configured from the environment, serving {@code registry}: for a subclass that serves
   * another registry than the application's.
   */
  protected MetricsResource(Registry registry) {
    this(Settings.fromEnvironment(), java.util.Objects.requireNonNull(registry, "registry"));
  }

  MetricsResource(Settings settings, Registry registry) {
    this.settings = settings;
    this.explicitRegistry = registry;
  }

  /** Every metric. */
  @GET
  public Response all() {
    return serve("");
  }

  /** The metrics under the dotted path spelled by {@code subtree} ({@code my/http}). */
  @GET
  @Path("{subtree: .+}")
  public Response subtree(@PathParam("subtree") String subtree) {
    return serve(MetricSelection.pathOf(subtree));
  }

  private Response serve(String path) {
    Response response = respond(path);
    // The body depends on Accept: caches must key on it (as HttpReporter answers).
    response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    return response;
  }

  private Response respond(String path) {
    if (getClass() == MetricsResource.class && !settings.metricsEnabled()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    checkRole();
    Optional<ExpositionFormat> format = ContentNegotiation.negotiate(accept());
    if (format.isEmpty()) {
      return text(Response.Status.NOT_ACCEPTABLE, "none of the accepted types is available;"
          + " available: " + ContentNegotiation.AVAILABLE + "\n");
    }
    Optional<RegistrySnapshot> selected = MetricSelection.select(registry().snapshot(), path);
    if (selected.isEmpty()) {
      return text(Response.Status.NOT_FOUND, "no metric named '" + path + "' or below it\n");
    }
    if (format.get() == ExpositionFormat.JSON) {
      return Response.ok(jsonSafe(selected.get().toStats()), MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(16_384);
    try {
      format.get().write(selected.get(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return Response.ok(body.toByteArray(), format.get().getContentType()).build();
  }

  private void checkRole() {
    String role = settings.metricsRole();
    if (role == null) {
      return;
    }
    if (security == null || security.getUserPrincipal() == null) {
      throw new NotAuthorizedException("metrics require an authenticated user",
          "Basic realm=\"metrics\"");
    }
    if (!security.isUserInRole(role)) {
      throw new ForbiddenException("metrics require the role " + role);
    }
  }

  private String accept() {
    List<String> values = headers.getRequestHeader(HttpHeaders.ACCEPT);
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  private Registry registry() {
    return explicitRegistry != null ? explicitRegistry : ApplicationRegistry.find();
  }

  private static Response text(Response.Status status, String message) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
        .entity(message).build();
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
