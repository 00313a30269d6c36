package dev.tapes.jaxrs;

import dev.tapes.Registry;
import dev.tapes.exposition.ExpositionFormat;
import dev.tapes.exposition.StatsTree;
import dev.tapes.scrape.Caller;
import dev.tapes.scrape.ContentNegotiation;
import dev.tapes.scrape.ScrapeHandler;
import dev.tapes.scrape.ScrapeResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics}: every metric of the application's registry, in the format the {@code
 * Accept} header asks for ({@link ContentNegotiation}); the rules are tapes-core's {@link
 * ScrapeHandler}, which {@code HttpReporter} adapts too.
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
    return serve(subtree);
  }

  private Response serve(String subtree) {
    if (getClass() == MetricsResource.class && !settings.metricsEnabled()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    ScrapeResponse scrape = new ScrapeHandler(registry(), settings.metricsRole())
        .handle(subtree, accept(), caller());
    Response.ResponseBuilder response;
    if (!scrape.hasMetrics()) {
      response = Response.status(scrape.status()).entity(scrape.message());
    } else if (scrape.format() == ExpositionFormat.JSON) {
      // JSON through the container's own JSON-B provider, as the application's other resources.
      response = Response.ok(jsonSafe(StatsTree.of(scrape.metrics())));
    } else {
      response = Response.ok((StreamingOutput) scrape::writeBody);
    }
    scrape.headers().forEach(response::header);
    return response.build();
  }

  private Caller caller() {
    SecurityContext context = security;
    return new Caller() {
      @Override
      public boolean isAuthenticated() {
        return context != null && context.getUserPrincipal() != null;
      }

      @Override
      public boolean isInRole(String role) {
        return context != null && context.isUserInRole(role);
      }
    };
  }

  private String accept() {
    List<String> values = headers.getRequestHeader(HttpHeaders.ACCEPT);
    return values == null || values.isEmpty() ? null : String.join(",", values);
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
